public import Foundation
import HubCore
public import MergeEngine
import NIOCore
public import OutpostModel
public import OutpostReplication
public import OutpostStore
import PostgresNIO

/// Documents on PostgreSQL, as `SQLiteStore` keeps them: the record as the hub's own
/// write with the chunks it names, scope checks and upload accounting for content
/// requests, and the orphan candidates of removed or replaced documents.
extension PostgresStore {
    /// Writes a document's record as the hub's own write, with the chunks it names, in
    /// one ledger transaction. The caller stores the content first, so no committed
    /// record names bytes the server lacks.
    /// - Throws: `StoreError` `.invalid` for a record that fails validation,
    ///   `.missingReference` when the record it is attached to is unknown.
    public func saveDocument(_ document: Document, now: Date = Date()) async throws(StoreError) {
        do { try document.validate() } catch { throw StoreError(.invalid, "document: \(error.description)") }
        try await records("saving document \(document.title)", exclusive: true) { ledger in
            if let attached = document.attachedID, let kind = document.attachedKind.recordKind,
               try !Self.holdsLiveRecord(ledger, RecordID(attached), kind: kind) {
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

    /// Removes a document: a hub delete that devices apply (evicting its content).
    /// - Returns: whether a live document was removed.
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

    /// Whether the hub holds a live (not deleted) record `id` of `kind`: what a document
    /// may be attached to.
    public func holdsLiveRecord(_ id: RecordID, kind: ReplicatedKind) async throws(StoreError) -> Bool {
        try await records("looking up \(kind.name) \(id)") { ledger in try Self.holdsLiveRecord(ledger, id, kind: kind) }
    }

    /// Every live document, by title.
    public func documents() async throws(StoreError) -> [Document] {
        try await records("reading documents") { ledger in
            let documents: [Document] = try PostgresRecords.replicated(ledger.connection, .document)
            return documents.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
        }
    }

    /// Sets the bytes of document content device `id` fetches per sync by default
    /// (`nil`: no limit), as a hub write of its `device` record, which every replica has.
    /// - Throws: `.notFound` when the device has no `device` record (it never enrolled).
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

    /// The chunks among `chunks` that a live document global or routed to one of
    /// `territories` names: what a device with that scope may fetch.
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

    /// The bytes of content device `number` has uploaded.
    public func uploadedDocumentBytes(device number: UInt32) async throws(StoreError) -> Int {
        try await records("reading a device's document usage") { ledger in
            Int(try ledger.connection.value(Int64.self, "SELECT bytes FROM document_upload WHERE device = \(Int64(number))") ?? 0)
        }
    }

    /// Adds `bytes` to what device `number` has uploaded.
    public func addUploadedDocumentBytes(_ bytes: Int, device number: UInt32) async throws(StoreError) {
        try await transaction("recording a device's document usage") { [logger] connection in
            _ = try await connection.query("""
                INSERT INTO document_upload (device, bytes) VALUES (\(Int64(number)), \(Int64(bytes)))
                ON CONFLICT (device) DO UPDATE SET bytes = document_upload.bytes + excluded.bytes
                """, logger: logger)
        }
    }

    /// The chunks a removed or replaced document named that no live document names now:
    /// content to delete, then to forget with ``forgetOrphanChunks(_:)``.
    public func orphanChunks() async throws(StoreError) -> Set<[UInt8]> {
        try await records("finding content no document names") { ledger in
            Set(try ledger.connection.column(Data.self, """
                SELECT chunk FROM document_orphan o WHERE NOT EXISTS (SELECT 1 FROM document_chunk c WHERE c.chunk = o.chunk)
                """).map { [UInt8]($0) })
        }
    }

    /// Forgets the orphan candidates `chunks` (their content deleted) and those a live
    /// document names again.
    public func forgetOrphanChunks(_ chunks: Set<[UInt8]>) async throws(StoreError) {
        let gone = chunks.map { ByteBuffer(bytes: $0) }
        try await transaction("forgetting deleted content") { [logger] connection in
            _ = try await connection.query("""
                DELETE FROM document_orphan o
                WHERE o.chunk = ANY(\(gone)) OR EXISTS (SELECT 1 FROM document_chunk c WHERE c.chunk = o.chunk)
                """, logger: logger)
        }
    }

    private static func holdsLiveRecord(_ ledger: PostgresLedgerTransaction, _ id: RecordID, kind: ReplicatedKind) throws -> Bool {
        guard let stored = try ledger.record(id), stored.kind == kind else { return false }
        return !stored.state.view(policy: .updateWins).isDeleted
    }
}
