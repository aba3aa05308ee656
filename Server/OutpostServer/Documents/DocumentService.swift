public import OutpostModel
public import OutpostSQLite
public import OutpostStore

/// What the document service needs of the database: which chunks a scope may fetch,
/// and the bytes each device has uploaded. `SQLiteStore` is one.
public protocol DocumentLedger: Sendable {
    /// The chunks among `chunks` that a live document global or routed to one of `territories` names.
    func chunks(_ chunks: [[UInt8]], inScope territories: Set<TerritoryID>) async throws(StoreError) -> Set<[UInt8]>
    /// The bytes of content device `number` has uploaded.
    func uploadedDocumentBytes(device number: UInt32) async throws(StoreError) -> Int
    /// Adds `bytes` to what device `number` has uploaded.
    func addUploadedDocumentBytes(_ bytes: Int, device number: UInt32) async throws(StoreError)
}

extension SQLiteStore: DocumentLedger {}

/// What the sync service needs to answer content requests: the content folder, the
/// database's document bookkeeping, and the limits on what devices upload. Absent when
/// the backend keeps no documents.
public struct DocumentService: Sendable {
    /// Where the chunks are.
    public let folder: ContentFolder
    /// Scope checks and upload accounting.
    public let ledger: any DocumentLedger
    /// The largest document a device may upload (`serve --max-document-size`).
    public let maxDocumentBytes: Int
    /// The most bytes of new content one device may upload in all (`serve --device-document-quota`).
    public let deviceQuota: Int

    /// The default `--max-document-size`: 25 MB.
    public static let defaultMaxDocumentBytes = 25_000_000
    /// The default `--device-document-quota`: 500 MB.
    public static let defaultDeviceQuota = 500_000_000

    /// A document service over `folder` and `ledger` with the given limits.
    public init(folder: ContentFolder, ledger: any DocumentLedger, maxDocumentBytes: Int = defaultMaxDocumentBytes,
                deviceQuota: Int = defaultDeviceQuota) {
        self.folder = folder
        self.ledger = ledger
        self.maxDocumentBytes = maxDocumentBytes
        self.deviceQuota = deviceQuota
    }
}
