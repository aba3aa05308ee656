public import DocumentContent
public import Foundation
public import MergeEngine
public import OutpostModel
public import OutpostPostgres
public import OutpostReplication
public import OutpostSQLite
public import OutpostStore

/// What documents need of the database: the records (written as the hub's own writes,
/// with the chunks they name), which chunks a scope may fetch, the bytes each device
/// has uploaded, and the chunks no live document names any more. `SQLiteStore` and
/// `PostgresStore` are each one.
public protocol DocumentLedger: Sendable {
    /// Writes a document's record, after its content is stored.
    func saveDocument(_ document: Document, now: Date) async throws(StoreError)
    /// Removes a document; whether a live one was removed.
    func removeDocument(_ id: DocumentID, now: Date) async throws(StoreError) -> Bool
    /// Every live document, by title.
    func documents() async throws(StoreError) -> [Document]
    /// Whether a live record `id` of `kind` is there to attach a document to.
    func holdsLiveRecord(_ id: RecordID, kind: ReplicatedKind) async throws(StoreError) -> Bool
    /// Sets a device's default per-sync document budget (`nil`: no limit).
    func setDocumentBudget(_ bytes: Int?, device id: DeviceID, now: Date) async throws(StoreError)
    /// The chunks among `chunks` that a live document global or routed to one of `territories` names.
    func chunks(_ chunks: [[UInt8]], inScope territories: Set<TerritoryID>) async throws(StoreError) -> Set<[UInt8]>
    /// The bytes of content device `number` has uploaded.
    func uploadedDocumentBytes(device number: UInt32) async throws(StoreError) -> Int
    /// Adds `bytes` to what device `number` has uploaded.
    func addUploadedDocumentBytes(_ bytes: Int, device number: UInt32) async throws(StoreError)
    /// The chunks a removed or replaced document named that no live document names now.
    func orphanChunks() async throws(StoreError) -> Set<[UInt8]>
    /// Forgets the orphan candidates `chunks` (their content deleted) and those named again.
    func forgetOrphanChunks(_ chunks: Set<[UInt8]>) async throws(StoreError)
}

extension SQLiteStore: DocumentLedger {}
extension PostgresStore: DocumentLedger {}

/// Documents on the server: the content store, the database's document bookkeeping,
/// and the limits on what devices upload. Absent from a sync service that keeps none.
public struct DocumentService: Sendable {
    /// Where the chunks are.
    public let content: any ContentStore
    /// Records, scope checks and upload accounting.
    public let ledger: any DocumentLedger
    /// The largest document a device may upload (`serve --max-document-size`).
    public let maxDocumentBytes: Int
    /// The most bytes of new content one device may upload in all (`serve --device-document-quota`).
    public let deviceQuota: Int

    /// The default `--max-document-size`: 25 MB.
    public static let defaultMaxDocumentBytes = 25_000_000
    /// The default `--device-document-quota`: 500 MB.
    public static let defaultDeviceQuota = 500_000_000

    /// A document service over `content` and `ledger` with the given limits.
    public init(content: any ContentStore, ledger: any DocumentLedger, maxDocumentBytes: Int = defaultMaxDocumentBytes,
                deviceQuota: Int = defaultDeviceQuota) {
        self.content = content
        self.ledger = ledger
        self.maxDocumentBytes = maxDocumentBytes
        self.deviceQuota = deviceQuota
    }

    /// Documents of a SQLite database: its content folder beside the file at `path`.
    public static func sqlite(_ store: SQLiteStore, path: String, maxDocumentBytes: Int = defaultMaxDocumentBytes,
                              deviceQuota: Int = defaultDeviceQuota) -> DocumentService {
        DocumentService(content: ContentFolder(besideDatabase: path), ledger: store, maxDocumentBytes: maxDocumentBytes,
                        deviceQuota: deviceQuota)
    }

    /// Documents of a PostgreSQL database: content in its `document_content` table.
    public static func postgres(_ store: PostgresStore, maxDocumentBytes: Int = defaultMaxDocumentBytes,
                                deviceQuota: Int = defaultDeviceQuota) -> DocumentService {
        DocumentService(content: store, ledger: store, maxDocumentBytes: maxDocumentBytes, deviceQuota: deviceQuota)
    }

    /// Stores `content` (before its record is written), then writes `document` naming it.
    /// - Returns: the document as saved, its content list taken from the stored manifest.
    public func add(_ document: Document, content bytes: [UInt8], now: Date = Date()) async throws -> Document {
        var document = document
        let manifest = try await content.store(bytes)
        document.content = DocumentContentList(manifest)
        document.size = document.content.size
        try await ledger.saveDocument(document, now: now)
        _ = try await collectOrphans()
        return document
    }

    /// Removes a document and deletes the content no live document names any more.
    /// - Returns: whether a live document was removed.
    public func remove(_ id: DocumentID, now: Date = Date()) async throws -> Bool {
        let removed = try await ledger.removeDocument(id, now: now)
        _ = try await collectOrphans()
        return removed
    }

    /// Deletes the content of chunks that a removed or replaced document named and no
    /// live document names now, from the content store, then forgets them.
    /// - Returns: how many chunks were deleted.
    public func collectOrphans() async throws -> Int {
        let orphans = try await ledger.orphanChunks()
        guard !orphans.isEmpty else { return 0 }
        try await content.delete(Set(orphans.compactMap(ContentID.init(bytes:))))
        try await ledger.forgetOrphanChunks(orphans)
        return orphans.count
    }
}
