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
        // What this sync may still fetch: chunks stored before a cut count too.
        let start = report.documentBytes
        var failures = 0
        defer { report.documentBytesLeft = (try? remainingContentBytes()) ?? report.documentBytesLeft }
        while true {
            let manifests: [DocumentManifest]
            if let document { manifests = [document] } else { manifests = try replica.keptManifests() }
            let left = budget - (report.documentBytes - start)
            let plan = TransferPlan.next(for: manifests, held: try replica.heldChunkIDs(of: manifests), budget: left)
            guard !plan.chunks.isEmpty else { break }
            do {
                let timeout = deadline - ContinuousClock.now
                guard timeout > .zero else {
                    report.documentError = "the sync ran out of time; the rest of the documents follow at the next sync"
                    break
                }
                let received = try contentExchange(ContentRequest(wants: plan.chunks.map(\.id.bytes)), endpoint: endpoint, keys: keys,
                                                   timeout: timeout, report: &report).stored
                if received == 0 {
                    report.documentError = "the server withheld the documents' content: they left this device's scope or were removed"
                    break
                }
            } catch let error as TransportError {
                try Self.count(error, in: &report)
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

    /// One content request and its answer; returns the bytes of chunks stored and what
    /// became of the request's upload. Chunks stored before a failure stay stored.
    private func contentExchange(_ request: ContentRequest, endpoint: SyncEndpoint, keys: KeyExchange.SessionKeys, timeout: Duration,
                                 report: inout SyncReport) throws -> (stored: Int, upload: ContentFrame.UploadOutcome?) {
        let identity = try replica.reserveRequestCounter()
        let salt = try AEAD.Nonce.salt()
        let sealed = try SealedRequest.seal(request.encoded(), device: identity.deviceNumber,
                                            counter: identity.requestCounter, salt: salt, key: keys.transmit, kind: .content)
        let opener = ResponseFrames.Opener(counter: identity.requestCounter, salt: salt, key: keys.receive)
        var index: UInt32 = 0
        var stored = 0
        var chunks = 0
        var upload: ContentFrame.UploadOutcome?
        // Chunks are stored a batch (about 1 MB) per transaction, and whatever arrived is
        // stored when the exchange ends, cut or not: a cut loses only the chunk in flight.
        var batch: [(id: [UInt8], bytes: [UInt8])] = []
        var batchBytes = 0
        func flush() throws(ReplicaError) {
            guard !batch.isEmpty else { return }
            try replica.storeChunks(batch)
            stored += batchBytes
            chunks += batch.count
            batch = []
            batchBytes = 0
        }
        defer {
            try? flush()
            report.documentBytes += stored
            report.documentChunks += chunks
        }
        let counters = try exchange(endpoint: endpoint, request: sealed, timeout: timeout) { payload in
            let frame = try ContentFrame(decoding: try opener.open(payload, index: index))
            index += 1
            switch frame {
            case .chunk(let id, let bytes):
                batch.append((id, bytes))
                batchBytes += bytes.count
                if batchBytes >= Self.storeBatchBytes { try flush() }
                return .more
            case .final(_, let outcome):
                upload = outcome
                return .done
            }
        }
        try flush()
        report.add(counters)
        return (stored, upload)
    }

    /// Received chunks stored per replica transaction.
    static let storeBatchBytes = 1_000_000

    /// The most chunk bytes one upload request carries, well under the 4 MiB request limit.
    static let uploadPartBytes = 3_000_000

    /// Uploads the content of the documents added on this device, before the records:
    /// each document's chunks in requests of at most ``uploadPartBytes``; once the
    /// server holds them all, the document's record becomes a pending write (sent in
    /// this sync's record exchange). A refused upload is kept with its reason; a failed
    /// one is tried again at the next sync. Failures are reported, not thrown.
    func uploadStaged(endpoint: SyncEndpoint, keys: KeyExchange.SessionKeys, deadline: ContinuousClock.Instant,
                      report: inout SyncReport) throws(ReplicaError) {
        for staged in try replica.stagedDocuments() where staged.refusal == nil {
            var seen: Set<[UInt8]> = []
            var parts: [[ContentRequest.Upload.Chunk]] = [[]]
            var partBytes = 0
            for chunk in try replica.stagedChunks(staged.document) where seen.insert(chunk.id).inserted {
                if partBytes + chunk.bytes.count > Self.uploadPartBytes, !parts[parts.count - 1].isEmpty {
                    parts.append([])
                    partBytes = 0
                }
                parts[parts.count - 1].append(ContentRequest.Upload.Chunk(id: chunk.id, bytes: chunk.bytes))
                partBytes += chunk.bytes.count
            }
            var refusal: String?
            do {
                for part in parts {
                    let timeout = deadline - ContinuousClock.now
                    guard timeout > .zero else { throw ReplicaError(.transport, "the sync ran out of time") }
                    let request = ContentRequest(wants: [], upload: ContentRequest.Upload(documentSize: staged.document.size, chunks: part))
                    let outcome = try contentExchange(request, endpoint: endpoint, keys: keys, timeout: timeout, report: &report).upload
                    if case .refused(let reason) = outcome {
                        refusal = reason
                        break
                    }
                    guard outcome == .stored else { throw ProtocolError(.malformed, "the server did not say what became of the upload") }
                    report.documentBytesUp += part.reduce(0) { $0 + $1.bytes.count }
                }
            } catch let error as TransportError {
                report.add(error.counters)
                report.documentError = "\"\(staged.document.title)\" did not upload (\(error)); it is tried again at the next sync"
                return
            } catch let error as ProtocolError {
                report.documentError = "\"\(staged.document.title)\" did not upload: \(error.message)"
                return
            } catch {
                report.documentError = "\"\(staged.document.title)\" did not upload: \(error)"
                return
            }
            if let refusal {
                try replica.refuseUpload(staged.document, reason: refusal)
                report.documentError = "\"\(staged.document.title)\" was refused: \(refusal)"
            } else {
                try replica.uploaded(staged.document)
                report.documentsUploaded += 1
            }
        }
    }

    /// Bytes of kept documents' content not on this device.
    func remainingContentBytes() throws(ReplicaError) -> Int {
        let manifests = try replica.keptManifests()
        return TransferPlan.remaining(for: manifests, held: try replica.heldChunkIDs(of: manifests))
    }
}
