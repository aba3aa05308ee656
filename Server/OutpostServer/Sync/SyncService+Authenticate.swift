import HubCore
import OutpostModel
import SodiumKit
import SyncChannel

extension SyncService {
    /// Finds a sync or content request's device once and opens the request with the
    /// session keys shared with that device, the same way for every kind of request.
    /// - Throws: `RequestRefusal.unknownDevice` for a device the server does not know or
    ///   that has no key; the protocol's error for a request that does not authenticate.
    func authenticate(_ sealed: SealedRequest) async throws
        -> (device: EnrolledDevice, session: KeyExchange.SessionKeys, body: AuthenticatedBody) {
        let device = try await hub.device(number: sealed.device)
        guard let publicKey = device.device.publicKey else { throw RequestRefusal.unknownDevice(sealed.device) }
        let session = try sessionKeys.keys(device: sealed.device, publicKey: publicKey)
        return (device, session, try sealed.authenticate(key: session.receive))
    }
}
