import ClientTransport
public import DocumentContent
import Foundation
public import OutpostModel
import OutpostProtocol
import SodiumKit
import SyncChannel

extension SyncClient {
    /// Fetches the content of the documents this device keeps (pinned here or
    /// everywhere) that it lacks, within `budget` bytes of content: content requests
    /// (SPEC.md §12) naming the chunks the ``TransferPlan`` picks, each chunk stored
    /// sealed as its frame arrives, so a cut transfer resumes at the chunk it stopped
    /// in. Failures are reported in `report`, not thrown: the records already synced.
    func fetchContent(endpoint: SyncEndpoint, keys: KeyExchange.SessionKeys, budget: Int, deadline: ContinuousClock.Instant,
                      only document: DocumentManifest? = nil, report: inout SyncReport) throws(ReplicaError) {
        var left = budget
        var failures = 0
        defer { report.documentBytesLeft = (try? remainingContentBytes()) ?? report.documentBytesLeft }
        while true {
            let manifests: [DocumentManifest]
            if let document { manifests = [document] } else { manifests = try replica.keptManifests() }
            let plan = TransferPlan.next(for: manifests, held: try replica.heldChunkIDs(of: manifests), budget: left)
            guard !plan.chunks.isEmpty else { break }
            var received = 0
            do {
                let timeout = deadline - ContinuousClock.now
                guard timeout > .zero else {
                    report.documentError = "the sync ran out of time; the rest of the documents follow at the next sync"
                    break
                }
                received = try contentExchange(plan.chunks.map(\.id.bytes), endpoint: endpoint, keys: keys, timeout: timeout,
                                               report: &report)
                left -= received
                if received == 0 {
                    report.documentError = "the server withheld the documents' content: they left this device's scope or were removed"
                    break
                }
            } catch let error as TransportError {
                report.bytesUp += error.counters.bytesUp
                report.bytesDown += error.counters.bytesDown
                if case .frameHandlerFailed(let inner) = error.reason { throw Self.replicaError(inner) }
                failures += 1
                guard failures <= retries, !error.isPermanent else {
                    report.documentError = "\(error); the chunks received are kept and the rest follow at the next sync"
                    break
                }
            } catch let error as ProtocolError {
                report.documentError = "the server refused the content request: \(error.message)"
                break
            } catch {
                throw Self.replicaError(error)
            }
        }
        if document == nil { try replica.dropUnkeptContent() }
    }

    /// Fetches the whole content of one document now (`outpost docs open` of a document
    /// not on this device), whatever is pinned; it stays until the next sync drops it
    /// unless it is pinned.
    /// - Throws: `.transport` or `.refused` when it could not be fetched.
    public func fetch(_ document: Document, endpoint override: String? = nil) throws(ReplicaError) -> SyncReport {
        guard let manifest = document.content.manifest else { throw ReplicaError(.corrupt, "document \(document.id) names malformed chunk ids") }
        let identity = try replica.identity()
        let endpoint: SyncEndpoint
        do { endpoint = try SyncEndpoint(parsing: override ?? identity.syncEndpoint) } catch {
            throw ReplicaError(.invalid, "\(error)")
        }
        var report = SyncReport()
        report.endpoint = override ?? identity.syncEndpoint
        try fetchContent(endpoint: endpoint, keys: try Self.sessionKeys(identity), budget: .max, deadline: .now + timeout,
                         only: manifest, report: &report)
        if let error = report.documentError { throw ReplicaError(.transport, error) }
        return report
    }

    /// One content request and its answer; returns the bytes of chunks stored. Chunks
    /// stored before a failure stay stored.
    private func contentExchange(_ wants: [[UInt8]], endpoint: SyncEndpoint, keys: KeyExchange.SessionKeys, timeout: Duration,
                                 report: inout SyncReport) throws -> Int {
        let identity = try replica.reserveRequestCounter()
        let salt = try AEAD.Nonce.salt()
        let sealed = try SealedRequest.seal(ContentRequest(wants: wants).encoded(), device: identity.deviceNumber,
                                            counter: identity.requestCounter, salt: salt, key: keys.transmit, kind: .content)
        let opener = ResponseFrames.Opener(counter: identity.requestCounter, salt: salt, key: keys.receive)
        var index: UInt32 = 0
        var stored = 0
        var chunks = 0
        defer {
            report.documentBytes += stored
            report.documentChunks += chunks
        }
        let counters = try exchange(endpoint: endpoint, request: sealed, timeout: timeout) { payload in
            let frame = try ContentFrame(decoding: try opener.open(payload, index: index))
            index += 1
            switch frame {
            case .chunk(let id, let bytes):
                try replica.storeChunk(id: id, bytes: bytes)
                stored += bytes.count
                chunks += 1
                return .more
            case .final:
                return .done
            }
        }
        report.bytesUp += counters.bytesUp
        report.bytesDown += counters.bytesDown
        return stored
    }

    /// Bytes of kept documents' content not on this device.
    func remainingContentBytes() throws(ReplicaError) -> Int {
        let manifests = try replica.keptManifests()
        return TransferPlan.remaining(for: manifests, held: try replica.heldChunkIDs(of: manifests))
    }
}
