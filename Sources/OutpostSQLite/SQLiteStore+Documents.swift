public import Foundation
import GRDB
import HubCore
import MergeEngine
public import OutpostModel
import OutpostReplication
public import OutpostStore

/// Documents in the SQLite database: records in `replica_record`, the chunks each names
/// in `document_chunk`, orphan candidates in `document_orphan`, upload holds in
/// `document_upload_hold`, each write one transaction.
extension SQLiteStore: DocumentStore {
    public func saveDocument(_ document: Document, now: Date = Date()) async throws(StoreError) {
        do { try document.validate() } catch { throw StoreError(.invalid, "document: \(error.description)") }
        try await write("saving document \(document.title)") { db in
            if let attached = document.attachedID, let kind = document.attachedKind.recordKind,
               try !SQLiteLedgerTransaction(db: db).holdsLive(RecordID(attached), kind: kind) {
                throw StoreError(.missingReference, "\(document.attachedKind.rawValue) \(attached) does not exist")
            }
            try ChangeSequence.use(db) { sequence in
                try ReplicaTable.recordHubWrite(db, document, seq: sequence.next(), time: WallClock(date: now))
            }
            try DocumentChunkIndex.index(db, document)
        }
    }

    public func holdsAttachment(_ kind: DocumentAttachmentKind, _ id: EntityID<AttachedRecord>) async throws(StoreError) -> Bool {
        guard let recordKind = kind.recordKind else { return false }
        return try await read("looking up \(kind.rawValue) \(id)") { db in
            try SQLiteLedgerTransaction(db: db).holdsLive(RecordID(id), kind: recordKind)
        }
    }

    public func removeDocument(_ id: DocumentID, now: Date = Date()) async throws(StoreError) -> Bool {
        try await write("removing document \(id)") { db in
            guard let stored = try ReplicaTable.load(db, RecordID(id)), stored.kind == .document,
                  !stored.state.view(policy: .updateWins).isDeleted else { return false }
            try ChangeSequence.use(db) { sequence in
                try ReplicaTable.recordHubDelete(db, RecordID(id), kind: .document, seq: sequence.next(), time: WallClock(date: now))
            }
            try DocumentChunkIndex.remove(db, document: id)
            return true
        }
    }

    public func setDocumentBudget(_ bytes: Int?, device id: DeviceID, now: Date = Date()) async throws(StoreError) {
        try await write("setting a device's document budget") { db in
            guard let stored = try ReplicaTable.load(db, RecordID(id)), stored.kind == .device,
                  var name = try? DeviceName(recordID: stored.state.id, fields: stored.state.view(policy: .updateWins).values) else {
                throw StoreError(.notFound, "device \(id) has not enrolled yet; its budget can be set once it has")
            }
            name.documentBudget = bytes
            try ChangeSequence.use(db) { sequence in
                try ReplicaTable.recordHubWrite(db, name, seq: sequence.next(), time: WallClock(date: now))
            }
        }
    }

    public func documents() async throws(StoreError) -> [Document] {
        try await read("reading documents") { db in
            let rows = try Data.fetchAll(db, sql: "SELECT id FROM replica_record WHERE kind = ?", arguments: [Int64(ReplicatedKind.document.rawValue)])
            var documents: [Document] = []
            for data in rows {
                guard let stored = try ReplicaTable.load(db, try RecordID(bytes: [UInt8](data))) else { continue }
                let view = stored.state.view(policy: .updateWins)
                guard !view.isDeleted, let document = try? Document(recordID: stored.state.id, fields: view.values) else { continue }
                documents.append(document)
            }
            return documents.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
        }
    }

    public func chunks(_ chunks: [[UInt8]], inScope territories: Set<TerritoryID>) async throws(StoreError) -> Set<[UInt8]> {
        guard !chunks.isEmpty else { return [] }
        let scope = Set(territories.map { Data(RecordID($0).bytes) })
        return try await read("checking the scope of content") { db in
            let statement = try db.cachedStatement(sql: """
                SELECT r.territory FROM document_chunk c JOIN replica_record r ON r.id = c.document WHERE c.chunk = ?
                """)
            var allowed: Set<[UInt8]> = []
            for chunk in chunks {
                let routes = try Row.fetchAll(statement, arguments: [Data(chunk)]).map { $0[0] as Data? }
                if routes.contains(where: { $0 == nil || scope.contains($0!) }) { allowed.insert(chunk) }
            }
            return allowed
        }
    }

    public func uploadedDocumentBytes(device number: UInt32) async throws(StoreError) -> Int {
        try await read("reading a device's document usage") { db in
            try Int.fetchOne(db, sql: "SELECT bytes FROM document_upload WHERE device = ?", arguments: [Int64(number)]) ?? 0
        }
    }

    public func addUploadedDocumentBytes(_ bytes: Int, device number: UInt32) async throws(StoreError) {
        try await write("recording a device's document usage") { db in
            try db.execute(sql: """
                INSERT INTO document_upload (device, bytes) VALUES (?, ?)
                ON CONFLICT(device) DO UPDATE SET bytes = bytes + excluded.bytes
                """, arguments: [Int64(number), Int64(bytes)])
        }
    }

    public func holdUploadedChunks(_ chunks: Set<[UInt8]>, device number: UInt32, now: Date) async throws(StoreError) {
        guard !chunks.isEmpty else { return }
        // A write transaction begins IMMEDIATE: it waits for a collection's, in this process or another.
        try await write("holding uploaded content") { db in
            let hold = try db.cachedStatement(sql: """
                INSERT INTO document_upload_hold (chunk, device, held_at, uploads) VALUES (?, ?, ?, 1)
                ON CONFLICT(chunk, device) DO UPDATE SET held_at = excluded.held_at, uploads = uploads + 1
                """)
            let candidate = try db.cachedStatement(sql: "INSERT OR IGNORE INTO document_orphan (chunk) VALUES (?)")
            for chunk in chunks {
                try hold.execute(arguments: [Data(chunk), Int64(number), Self.seconds(now)])
                try candidate.execute(arguments: [Data(chunk)])
            }
        }
    }

    public func releaseUploadHolds(device number: UInt32, createdDocuments documents: [DocumentID]) async throws(StoreError) {
        guard !documents.isEmpty else { return }
        try await write("releasing uploaded content") { db in
            let release = try db.cachedStatement(sql: """
                UPDATE document_upload_hold SET uploads = uploads - 1
                WHERE device = ? AND chunk IN (SELECT chunk FROM document_chunk WHERE document = ?) AND uploads > 1
                """)
            let end = try db.cachedStatement(sql: """
                DELETE FROM document_upload_hold
                WHERE device = ? AND chunk IN (SELECT chunk FROM document_chunk WHERE document = ?) AND uploads = 1
                """)
            for document in documents {
                let arguments: StatementArguments = [Int64(number), Data(RecordID(document).bytes)]
                try end.execute(arguments: arguments)
                try release.execute(arguments: arguments)
            }
        }
    }

    public func collectOrphanChunks(heldSince: Date, deletingContent deleteContent: @Sendable (Set<[UInt8]>) throws -> Void)
        async throws(StoreError) -> Int {
        // One write transaction, begun IMMEDIATE, so no hold commits between the choice and the deletion.
        try await write("deleting content no document names") { db in
            let cutoff = Self.seconds(heldSince)
            let orphans = Set(try Data.fetchAll(db, sql: """
                SELECT chunk FROM document_orphan o
                WHERE NOT EXISTS (SELECT 1 FROM document_chunk c WHERE c.chunk = o.chunk)
                    AND NOT EXISTS (SELECT 1 FROM document_upload_hold h WHERE h.chunk = o.chunk AND h.held_at >= ?)
                """, arguments: [cutoff]).map { [UInt8]($0) })
            try deleteContent(orphans)
            let forget = try db.cachedStatement(sql: "DELETE FROM document_orphan WHERE chunk = ?")
            for chunk in orphans { try forget.execute(arguments: [Data(chunk)]) }
            try db.execute(sql: "DELETE FROM document_orphan WHERE chunk IN (SELECT chunk FROM document_chunk)")
            try db.execute(sql: "DELETE FROM document_upload_hold WHERE held_at < ?", arguments: [cutoff])
            return orphans.count
        }
    }

    /// `date` as whole seconds since 1970, as upload holds keep it.
    private static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }
}
