import DocumentContent
import Foundation
import HubCore
import Logging
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostStore
import SodiumKit
import SyncChannel

extension SyncService {
    /// Handles a content request (SPEC.md §12): authenticates it as a sync request is,
    /// turns away a counter that is not new and charges the request rate, records the
    /// counter (so the answer's nonces are never used again), then sends each wanted
    /// chunk that a document in the device's scope names, one sealed uncompressed frame
    /// per chunk, and a final frame with the number withheld.
    func content(_ sealed: SealedRequest, send: @escaping @Sendable ([UInt8]) async throws -> Void) async throws {
        do {
            let device = try await hub.device(number: sealed.device)
            let (session, body) = try authenticate(sealed, as: device)
            try hub.authorise(device, counter: sealed.counter)
            guard !device.device.isRevoked else {
                throw ProtocolError(.unknownDevice, "this device is revoked; sync records to be told what to do")
            }
            guard let documents else { throw ProtocolError(.unavailable, "this server keeps no documents") }
            let request = try ContentRequest(decoding: try body.plaintext())
            let advanced = try await store.transaction { ledger in
                try ledger.advanceCounter(device: device.number, to: sealed.counter, at: Date())
            }
            guard advanced else { throw RequestRefusal.replayed(last: device.lastCounter) }
            let upload = try await receive(request.upload, from: device.number, documents)
            let scope = try await hub.territories(of: device.user)
            let allowed = try await documents.database.chunks(request.wants, inScope: scope)
            let sealer = ResponseFrames.Sealer(counter: sealed.counter, salt: sealed.salt, key: session.transmit)
            var index: UInt32 = 0
            var sent = 0
            var bytes = 0
            // Read a few chunks at a time (one query on PostgreSQL), sent in the order asked.
            let wanted = request.wants.filter(allowed.contains)
            for start in stride(from: 0, to: wanted.count, by: Self.chunksPerRead) {
                let group = Array(wanted[start..<min(start + Self.chunksPerRead, wanted.count)])
                let found = try await documents.content.chunks(group)
                for id in group {
                    guard let chunk = found[id] else { continue }
                    try await send(try sealer.seal(ContentFrame.chunk(id: id, bytes: chunk).encoded(), index: index, compressing: false))
                    try Task.checkCancellation()
                    index += 1
                    sent += 1
                    bytes += chunk.count
                }
            }
            try await send(try sealer.seal(ContentFrame.final(withheld: request.wants.count - sent, upload: upload).encoded(),
                                           index: index, compressing: false))
            logger.info("content sent", metadata: ["device": "\(sealed.device)", "chunks": "\(sent)", "bytes": "\(bytes)",
                                                   "withheld": "\(request.wants.count - sent)"])
        } catch let refusal as RequestRefusal {
            throw ProtocolError(refusal, request: sealed)
        }
    }

    /// How many chunks a content answer reads at once: at most 1 MiB of 64 KiB chunks.
    static var chunksPerRead: Int { 16 }

    /// Stores an upload's chunks durably (before the document's record can arrive),
    /// within the size limit and the device's quota, held for that record
    /// (``DocumentService/uploadHold``); says what became of it.
    private func receive(_ upload: ContentRequest.Upload?, from device: UInt32,
                         _ documents: DocumentService) async throws -> ContentFrame.UploadOutcome? {
        guard let upload else { return nil }
        guard upload.documentSize <= documents.maxDocumentBytes else {
            return .refused("the document is \(upload.documentSize) bytes, over this server's limit of \(documents.maxDocumentBytes) "
                + "(serve --max-document-size); nothing was stored. Send a smaller file")
        }
        var chunks: [(id: ContentID, bytes: [UInt8])] = []
        for chunk in upload.chunks {
            guard let id = ContentID(bytes: chunk.id), (try? ContentID(of: chunk.bytes[...])) == id else {
                throw ProtocolError(.malformed, "an uploaded chunk does not match its id; nothing was stored")
            }
            chunks.append((id, chunk.bytes))
        }
        let held = try await documents.content.held(chunks.map(\.id))
        let new = chunks.filter { !held.contains($0.id) }.reduce(0) { $0 + $1.bytes.count }
        let used = try await documents.database.uploadedDocumentBytes(device: device)
        guard used + new <= documents.deviceQuota else {
            return .refused("this device has uploaded \(used) bytes of its quota of \(documents.deviceQuota) "
                + "(serve --device-document-quota); the \(new) more were refused and nothing was stored. Ask an admin")
        }
        // Held before the content is looked for and written: a collection either ran
        // before the hold (what it deleted is written again here) or sees it.
        try await documents.database.holdUploadedChunks(Set(chunks.map(\.id.bytes)), device: device, now: Date())
        _ = try await documents.content.write(checked: chunks)
        try await documents.database.addUploadedDocumentBytes(new, device: device)
        logger.info("content uploaded", metadata: ["device": "\(device)", "chunks": "\(chunks.count)", "new bytes": "\(new)"])
        return .stored
    }

    /// Releases device `number`'s upload holds on the content of the documents that
    /// `writes` create and this request accepted (the write counters in `accepted`):
    /// their records have arrived. A failure is logged, not answered: the holds then end
    /// with time (``DocumentService/uploadHold``).
    func releaseUploadHolds(of writes: [Write], accepted: Set<UInt64>, device number: UInt32) async {
        guard let documents else { return }
        let created = writes.compactMap { write -> DocumentID? in
            guard case .create(let type, _) = write.operation, type == ReplicatedKind.document.typeID,
                  accepted.contains(write.dot.counter) else { return nil }
            return DocumentID(write.record)
        }
        guard !created.isEmpty else { return }
        do { try await documents.database.releaseUploadHolds(device: number, createdDocuments: created) } catch {
            logger.warning("upload holds not released; they end with time", metadata: ["device": "\(number)", "error": "\(error)"])
        }
    }
}
