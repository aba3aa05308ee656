public import Foundation
import HubCore
import MergeEngine
import NIOCore
public import OutpostModel
import OutpostReplication
public import OutpostStore
import PostgresNIO

/// Documents on PostgreSQL, as `SQLiteStore` keeps them: records in `replica_record`, the
/// chunks each names in `document_chunk`, orphan candidates in `document_orphan`, upload
/// holds in `document_upload_hold`; record writes are ledger transactions (the change
/// sequence's lock held), and holds and collections take the content lock
/// (``PostgresDocumentChunks/lockSQL``), so they run one at a time across instances.
extension PostgresStore: DocumentStore {
    public func saveDocument(_ document: Document, now: Date = Date()) async throws(StoreError) {
        do { try document.validate() } catch { throw StoreError(.invalid, "document: \(error.description)") }
        try await records("saving document \(document.title)", exclusive: true) { ledger in
            if let attached = document.attachedID, let kind = document.attachedKind.recordKind,
               try !ledger.holdsLive(RecordID(attached), kind: kind) {
                throw StoreError(.missingReference, "\(document.attachedKind.rawValue) \(attached) does not exist")
            }
            let seq = try ledger.nextSequence()
            let state = HubWrite.state(of: document, over: try ledger.record(document.recordID)?.state, stamp: seq,
                                       time: WallClock(date: now))
            try ledger.save(StoredRecord(state: state, kind: .document, territory: try Routing.territory(of: document.route, in: ledger),
                                         parent: document.route.parent?.id, seq: seq))
            try PostgresDocumentChunks.index(ledger.connection, document)
        }
    }

    public func removeDocument(_ id: DocumentID, now: Date = Date()) async throws(StoreError) -> Bool {
        try await records("removing document \(id)", exclusive: true) { ledger in
            guard var stored = try ledger.record(RecordID(id)), stored.kind == .document,
                  !stored.state.view(policy: .updateWins).isDeleted else { return false }
            let stamp = Dot(replica: ReplicaID.hub, counter: try ledger.nextSequence())
            stored.state.apply(Write(dot: stamp, record: RecordID(id), context: stored.state.context, operation: .delete,
                                     time: WallClock(date: now).wholeSecond), stamp: stamp)
            stored.seq = stamp.counter
            try ledger.save(stored)
            try PostgresDocumentChunks.remove(ledger.connection, document: id)
            return true
        }
    }

    public func holdsAttachment(_ kind: DocumentAttachmentKind, _ id: EntityID<AttachedRecord>) async throws(StoreError) -> Bool {
        guard let recordKind = kind.recordKind else { return false }
        return try await records("looking up \(kind.rawValue) \(id)") { ledger in try ledger.holdsLive(RecordID(id), kind: recordKind) }
    }

    public func documents() async throws(StoreError) -> [Document] {
        try await records("reading documents") { ledger in
            let documents: [Document] = try PostgresRecords.replicated(ledger.connection, .document)
            return documents.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
        }
    }

    public func setDocumentBudget(_ bytes: Int?, device id: DeviceID, now: Date = Date()) async throws(StoreError) {
        try await records("setting a device's document budget", exclusive: true) { ledger in
            guard let stored = try ledger.record(RecordID(id)), stored.kind == .device,
                  var name = try? DeviceName(recordID: stored.state.id, fields: stored.state.view(policy: .updateWins).values) else {
                throw StoreError(.notFound, "device \(id) has not enrolled yet; its budget can be set once it has")
            }
            name.documentBudget = bytes
            let seq = try ledger.nextSequence()
            let state = HubWrite.state(of: name, over: stored.state, stamp: seq, time: WallClock(date: now))
            try ledger.save(StoredRecord(state: state, kind: .device, territory: stored.territory, parent: stored.parent, seq: seq))
        }
    }

    public func chunks(_ chunks: [[UInt8]], inScope territories: Set<TerritoryID>) async throws(StoreError) -> Set<[UInt8]> {
        guard !chunks.isEmpty else { return [] }
        let wanted = chunks.map { ByteBuffer(bytes: $0) }
        let scope = territories.map { ByteBuffer(bytes: RecordID($0).bytes) }
        return try await records("checking the scope of content") { ledger in
            Set(try ledger.connection.column(Data.self, """
                SELECT DISTINCT c.chunk FROM document_chunk c JOIN replica_record r ON r.id = c.document
                WHERE c.chunk = ANY(\(wanted)) AND (r.territory IS NULL OR r.territory = ANY(\(scope)))
                """).map { [UInt8]($0) })
        }
    }

    public func uploadedDocumentBytes(device number: UInt32) async throws(StoreError) -> Int {
        try await records("reading a device's document usage") { ledger in
            Int(try ledger.connection.value(Int64.self, "SELECT bytes FROM document_upload WHERE device = \(Int64(number))") ?? 0)
        }
    }

    public func addUploadedDocumentBytes(_ bytes: Int, device number: UInt32) async throws(StoreError) {
        try await transaction("recording a device's document usage") { [logger] connection in
            _ = try await connection.query("""
                INSERT INTO document_upload (device, bytes) VALUES (\(Int64(number)), \(Int64(bytes)))
                ON CONFLICT (device) DO UPDATE SET bytes = document_upload.bytes + excluded.bytes
                """, logger: logger)
        }
    }

    public func holdUploadedChunks(_ chunks: Set<[UInt8]>, device number: UInt32, now: Date) async throws(StoreError) {
        guard !chunks.isEmpty else { return }
        let held = chunks.map { ByteBuffer(bytes: $0) }
        try await transaction("holding uploaded content") { [logger] connection in
            _ = try await connection.query(PostgresDocumentChunks.lockSQL, logger: logger)
            _ = try await connection.query("""
                INSERT INTO document_upload_hold (chunk, device, held_at, uploads) SELECT c, \(Int64(number)), \(now), 1 FROM unnest(\(held)) AS c
                ON CONFLICT (chunk, device) DO UPDATE SET held_at = excluded.held_at, uploads = document_upload_hold.uploads + 1
                """, logger: logger)
            _ = try await connection.query("""
                INSERT INTO document_orphan (chunk) SELECT c FROM unnest(\(held)) AS c ON CONFLICT DO NOTHING
                """, logger: logger)
        }
    }

    public func releaseUploadHolds(device number: UInt32, createdDocuments documents: [DocumentID]) async throws(StoreError) {
        guard !documents.isEmpty else { return }
        try await transaction("releasing uploaded content") { [logger] connection in
            for document in documents {
                let id = Data(RecordID(document).bytes)
                _ = try await connection.query("""
                    DELETE FROM document_upload_hold
                    WHERE device = \(Int64(number)) AND chunk IN (SELECT chunk FROM document_chunk WHERE document = \(id)) AND uploads = 1
                    """, logger: logger)
                _ = try await connection.query("""
                    UPDATE document_upload_hold SET uploads = uploads - 1
                    WHERE device = \(Int64(number)) AND chunk IN (SELECT chunk FROM document_chunk WHERE document = \(id)) AND uploads > 1
                    """, logger: logger)
            }
        }
    }

    public func collectOrphanChunks(heldSince: Date, deletingContent deleteContent: @Sendable (Set<[UInt8]>) throws -> Void)
        async throws(StoreError) -> Int {
        try await transaction("deleting content no document names") { [logger] connection in
            // Taken before the first read, so every hold committed before it is seen and none commits until this ends.
            _ = try await connection.query(PostgresDocumentChunks.lockSQL, logger: logger)
            let rows = try await connection.query("""
                SELECT chunk FROM document_orphan o
                WHERE NOT EXISTS (SELECT 1 FROM document_chunk c WHERE c.chunk = o.chunk)
                    AND NOT EXISTS (SELECT 1 FROM document_upload_hold h WHERE h.chunk = o.chunk AND h.held_at >= \(heldSince))
                """, logger: logger)
            let orphans = Set(try await rows.all(Data.self).map { [UInt8]($0) })
            let gone = orphans.map { ByteBuffer(bytes: $0) }
            _ = try await connection.query("DELETE FROM document_content WHERE chunk = ANY(\(gone))", logger: logger)
            try deleteContent(orphans)
            _ = try await connection.query("""
                DELETE FROM document_orphan o
                WHERE o.chunk = ANY(\(gone)) OR EXISTS (SELECT 1 FROM document_chunk c WHERE c.chunk = o.chunk)
                """, logger: logger)
            _ = try await connection.query("DELETE FROM document_upload_hold WHERE held_at < \(heldSince)", logger: logger)
            return orphans.count
        }
    }
}
