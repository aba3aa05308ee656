import HubCore
import OutpostModel
import SodiumKit
import SyncChannel

extension SyncService {
    /// Opens a sync or content request of `device` with the session keys shared with
    /// that device, the same way for every kind of request.
    /// - Throws: `RequestRefusal.unknownDevice` for a device that has no key; the
    ///   protocol's error for a request that does not authenticate.
    func authenticate(_ sealed: SealedRequest, as device: EnrolledDevice) throws
        -> (session: KeyExchange.SessionKeys, body: AuthenticatedBody) {
        guard let publicKey = device.device.publicKey else { throw RequestRefusal.unknownDevice(sealed.device) }
        let session = try sessionKeys.keys(device: sealed.device, publicKey: publicKey)
        return (session, try sealed.authenticate(key: session.receive))
    }
}
