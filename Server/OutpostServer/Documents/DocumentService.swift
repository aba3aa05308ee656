import DocumentContent
public import Foundation
public import OutpostModel
public import OutpostPostgres
public import OutpostSQLite
public import OutpostStore

/// Documents on the server: the content store, the database's document bookkeeping
/// (`DocumentStore`), and the limits on what devices upload. Absent from a sync service
/// that keeps none.
public struct DocumentService: Sendable {
    /// Where the chunks are.
    public let content: any ContentStore
    /// Records, scope checks and upload accounting.
    public let database: any DocumentStore
    /// The largest document a device may upload (`serve --max-document-size`).
    public let maxDocumentBytes: Int
    /// The most bytes of new content one device may upload in all (`serve --device-document-quota`).
    public let deviceQuota: Int

    /// The default `--max-document-size`: 25 MB.
    public static let defaultMaxDocumentBytes = 25_000_000
    /// The default `--device-document-quota`: 500 MB.
    public static let defaultDeviceQuota = 500_000_000
    /// How long content a device uploads is kept for the record that names it, whatever
    /// collections run meanwhile: 30 days. A record that comes later may name content
    /// collected since; the documents then lack it.
    public static let uploadHold: TimeInterval = 30 * 24 * 60 * 60

    /// A document service over `content` and `database` with the given limits.
    public init(content: any ContentStore, database: any DocumentStore, maxDocumentBytes: Int = defaultMaxDocumentBytes,
                deviceQuota: Int = defaultDeviceQuota) {
        self.content = content
        self.database = database
        self.maxDocumentBytes = maxDocumentBytes
        self.deviceQuota = deviceQuota
    }

    /// Documents of a SQLite database: its content folder beside the file at `path`.
    public static func sqlite(_ store: SQLiteStore, path: String, maxDocumentBytes: Int = defaultMaxDocumentBytes,
                              deviceQuota: Int = defaultDeviceQuota) -> DocumentService {
        DocumentService(content: ContentFolder(besideDatabase: path), database: store, maxDocumentBytes: maxDocumentBytes,
                        deviceQuota: deviceQuota)
    }

    /// Documents of a PostgreSQL database: content in its `document_content` table.
    public static func postgres(_ store: PostgresStore, maxDocumentBytes: Int = defaultMaxDocumentBytes,
                                deviceQuota: Int = defaultDeviceQuota) -> DocumentService {
        DocumentService(content: store, database: store, maxDocumentBytes: maxDocumentBytes, deviceQuota: deviceQuota)
    }

    /// Stores `content` (before its record is written), then writes `document` naming it.
    /// - Returns: the document as saved, its content list taken from the stored manifest.
    public func add(_ document: Document, content bytes: [UInt8], now: Date = Date()) async throws -> Document {
        var document = document
        let manifest = try await content.store(bytes)
        document.content = DocumentContentList(manifest)
        document.size = document.content.size
        try await database.saveDocument(document, now: now)
        // A collection elsewhere, between the store and the save, may have deleted a chunk
        // this document shares with one just removed; the record names it now, so store
        // it again and no later collection takes it.
        let held = try await content.held(manifest.chunks.map(\.id))
        _ = try await content.write(checked: manifest.split(bytes).filter { !held.contains($0.reference.id) }
            .map { ($0.reference.id, Array($0.bytes)) })
        _ = try await collectOrphans(now: now)
        return document
    }

    /// Removes a document and deletes the content no live document names any more.
    /// - Returns: whether a live document was removed.
    public func remove(_ id: DocumentID, now: Date = Date()) async throws -> Bool {
        let removed = try await database.removeDocument(id, now: now)
        _ = try await collectOrphans(now: now)
        return removed
    }

    /// Deletes the content of chunks that a removed or replaced document named and no
    /// live document names now, unless a device uploaded them within ``uploadHold``
    /// before `now` (their record may not have arrived yet), then forgets them.
    /// - Returns: how many chunks were deleted.
    public func collectOrphans(now: Date = Date()) async throws -> Int {
        try await database.collectOrphanChunks(heldSince: now.addingTimeInterval(-Self.uploadHold)) { [content] orphans in
            try content.deleteCollected(Set(orphans.compactMap(ContentID.init(bytes:))))
        }
    }
}
