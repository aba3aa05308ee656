import ClientTransport
public import Foundation
import OutpostProtocol
import SodiumKit
import SyncChannel

/// Enrols this device with a server, using a one-time code from an admin.
public enum Enrolment {
    /// Makes the device's key pair, proves the code to the server at `serverURL`
    /// (`http://host:port`), learns the server's key and scope, and creates the
    /// replica in `folder`, encrypted under a new replica key that `secret` wraps.
    /// - Throws: `.alreadyEnrolled`, `.invalid` (a short passphrase or unusable key
    ///   file, found before the code is spent), `.refused` (bad, used or expired code),
    ///   `.transport`.
    public static func enrol(folder: URL, serverURL: String, code: String, label: String, secret: ReplicaSecret,
                             timeout: Duration = .seconds(30)) throws(ReplicaError) -> (replica: Replica, bytes: TransportCounters) {
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(Replica.fileName).path) {
            throw ReplicaError(.alreadyEnrolled, "\(folder.path) already holds a replica; use another --replica folder")
        }
        let base = serverURL.hasSuffix("/") ? String(serverURL.dropLast()) : serverURL
        let endpoint: SyncEndpoint
        do { endpoint = try SyncEndpoint(parsing: base + "/sync") } catch { throw ReplicaError(.invalid, "\(error)") }
        guard case .http(let host, _, _) = endpoint else {
            throw ReplicaError(.invalid, "enrol over HTTP: pass --server http://HOST:PORT (got \(serverURL))")
        }
        let replicaKeys = try NewReplicaKeys(secret: secret)
        let keys: KeyExchange.KeyPair
        let request: [UInt8]
        do {
            keys = try KeyExchange.KeyPair.generate()
            request = try EnrolmentSeal.sealRequest(EnrolmentRequest(publicKey: keys.publicKey.bytes, label: label), code: code)
        } catch {
            throw ReplicaError(.corrupt, "cannot make the device's keys: \(error)")
        }
        var answer: EnrolmentResponse?
        let counters: TransportCounters
        do {
            counters = try exchange(endpoint: endpoint, request: request, timeout: timeout) { frame in
                answer = try EnrolmentSeal.openResponse(frame, code: code)
                return .done
            }
        } catch {
            if case .frameHandlerFailed(let inner) = error.reason, let refusal = inner as? ProtocolError {
                throw ReplicaError(.refused, "enrolment refused: \(refusal.message)")
            }
            throw ReplicaError(.transport, "\(error)")
        }
        guard let answer else { throw ReplicaError(.transport, "the server closed the connection without answering") }
        let syncEndpoint = answer.syncPort > 0 ? "tcp://\(host):\(answer.syncPort)" : base + "/sync"
        let identity = DeviceIdentity(
            deviceNumber: answer.deviceNumber, publicKey: keys.publicKey.bytes, secretKey: keys.secretKey.bytes,
            serverPublicKey: answer.serverPublicKey, serverSigningKey: answer.serverSigningKey, serverURL: base, syncEndpoint: syncEndpoint, userName: answer.userName,
            role: answer.role, territories: answer.territories, requestCounter: 0, writeCounter: 0, cursor: .start, lastSyncAt: nil)
        return (try Replica.create(folder, identity: identity, keys: replicaKeys), counters)
    }
}
