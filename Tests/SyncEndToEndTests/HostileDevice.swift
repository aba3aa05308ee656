import ClientTransport
@testable import FieldClient
import Foundation
import MergeEngine
import OutpostProtocol
import SodiumKit
import SyncChannel
import TestSupport

/// Sends raw request bytes to the hub's native listener and returns the answer's frames
/// (all of them, up to the server closing the connection).
func sendRaw(_ request: [UInt8], to hub: LiveHub) async throws -> [[UInt8]] {
    try await sendRaw(request, endpoint: hub.tcpEndpoint)
}

/// Sends raw request bytes to the native listener at `endpoint` (`tcp://host:port`) and
/// returns the answer's frames.
func sendRaw(_ request: [UInt8], endpoint address: String) async throws -> [[UInt8]] {
    let endpoint = try SyncEndpoint(parsing: address)
    return try await blocking {
        Result { () throws(TransportError) -> [[UInt8]] in
            var frames: [[UInt8]] = []
            do throws(TransportError) {
                _ = try exchange(endpoint: endpoint, request: request, timeout: .seconds(60)) { frame in
                    frames.append(frame)
                    return .more
                }
            } catch {
                guard case .connectionClosed = error.reason else { throw error }
            }
            return frames
        }
    }.get()
}

/// The code of an answer that is exactly one error frame.
func errorCode(_ frames: [[UInt8]]) -> ProtocolError.Code? {
    guard frames.count == 1, frames[0].count >= 2, frames[0][0] == 0x0F else { return nil }
    return ProtocolError.Code(rawValue: frames[0][1])
}

/// Whether `frames` is the answer to a request the server did not process because its
/// counter is not new (a replay): one frame sealed under its own random nonce (kind 02).
func isBehindAnswer(_ frames: [[UInt8]]) -> Bool {
    frames.count == 1 && frames[0].first == 0x02
}

/// An enrolled device that sends whatever writes a test gives it, as a modified
/// client could: the replica provides only its keys, counters and cursor.
struct HostileDevice {
    let replica: Replica
    /// The native listener it sends to (`tcp://host:port`).
    let endpoint: String

    /// A device of `replica` sending to the in-process `hub`.
    init(replica: Replica, hub: LiveHub) { self.init(replica: replica, endpoint: hub.tcpEndpoint) }

    /// A device of `replica` sending to the listener at `endpoint` (e.g. a real server's).
    init(replica: Replica, endpoint: String) {
        self.replica = replica
        self.endpoint = endpoint
    }

    /// This device's replica id.
    var id: ReplicaID { get throws { try replica.identity().replicaID } }

    /// A write of this device with write counter `counter`.
    func write(_ counter: UInt64, _ record: RecordID, _ operation: WriteOperation,
               context: VersionVector = VersionVector()) throws -> Write {
        Write(dot: Dot(replica: try id, counter: counter), record: record, context: context, operation: operation,
              time: WallClock(milliseconds: 1_790_000_000_000))
    }

    /// A sealed request carrying `writes` under the device's next counter, and how to
    /// open its answer.
    func seal(_ writes: [Write]) throws -> (bytes: [UInt8], request: SyncRequest, opener: ResponseFrames.Opener) {
        let (identity, pending) = try replica.nextRequest(maximumWrites: SyncRequest.maximumWrites)
        let request = SyncRequest(cursor: pending.cursor, writes: writes)
        let keys = try KeyExchange.sessionKeys(
            client: KeyExchange.KeyPair(publicKey: .init(identity.publicKey), secretKey: .init(identity.secretKey)),
            serverPublicKey: .init(identity.serverPublicKey))
        let salt = try AEAD.Nonce.salt()
        let sealed = try SealedRequest.seal(request.encoded(hub: ReplicaID.hub), device: identity.deviceNumber,
                                            counter: identity.requestCounter, salt: salt, key: keys.transmit)
        return (sealed, request, ResponseFrames.Opener(counter: identity.requestCounter, salt: salt, key: keys.receive))
    }

    /// Sends `writes` in one sealed request and returns the decoded frames (or the
    /// server's error).
    func push(_ writes: [Write]) async throws -> Result<[SyncResponseFrame], ProtocolError> {
        let (sealed, request, opener) = try seal(writes)
        let answer = try await sendRaw(sealed, endpoint: endpoint)
        do throws(ProtocolError) {
            var frames: [SyncResponseFrame] = []
            for (index, bytes) in answer.enumerated() {
                let plaintext = try opener.open(bytes, index: UInt32(index))
                frames.append(try SyncResponseFrame(decoding: plaintext, answering: request.cursor, hub: ReplicaID.hub))
            }
            return .success(frames)
        } catch {
            return .failure(error)
        }
    }
}
