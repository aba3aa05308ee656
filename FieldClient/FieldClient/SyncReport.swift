/// What one `outpost sync` did (DESIGN.md §8: `--json` prints these fields).
public struct SyncReport: Sendable, Equatable, Codable {
    /// Pending writes pushed.
    public var sent = 0
    /// Record states received.
    public var received = 0
    /// Pushed writes the server accepted.
    public var accepted = 0
    /// Pushed writes the server refused (see `outpost rejected list`).
    public var rejected = 0
    /// Records evicted because they left this device's scope.
    public var evicted = 0
    /// Received records that now show a conflict.
    public var conflicts = 0
    /// Bytes written to the socket, framing and HTTP head included.
    public var bytesUp = 0
    /// Bytes read from the socket, framing and HTTP head included.
    public var bytesDown = 0
    /// Response frames applied.
    public var frames = 0
    /// Exchanges made (more than one after a dropped link, or when the server asked for more).
    public var exchanges = 0
    /// The endpoint used.
    public var endpoint = ""
    /// Set when the server had accepted newer requests from this device than the
    /// replica counted (it was restored from an older copy): the counter it moved to.
    public var counterAdopted: UInt64?
    /// Pending changes numbered again and re-sent because the server had processed
    /// other changes under their numbers (the replica was restored from an older copy).
    public var renumbered = 0
    /// Whether the server was restored from a backup since the last sync: the replica
    /// sent again what the server lost and read its records again.
    public var serverRestored = false
    /// Changes the restored server had lost (accepted before, lost with the restore), sent again.
    public var resent = 0
    /// Bytes of document content received (chunks, before framing and sealing).
    public var documentBytes = 0
    /// Chunks of document content received.
    public var documentChunks = 0
    /// Bytes of kept documents' content still to fetch (deferred by the byte budget, or cut).
    public var documentBytesLeft = 0
    /// Documents added on this device whose content was uploaded (their records follow).
    public var documentsUploaded = 0
    /// Bytes of document content uploaded.
    public var documentBytesUp = 0
    /// Why fetching document content stopped early, if it did (the records synced regardless).
    public var documentError: String?

    enum CodingKeys: String, CodingKey {
        case sent, received, accepted, rejected, evicted, conflicts, frames, exchanges, endpoint, renumbered, resent
        case counterAdopted = "counter_adopted"
        case serverRestored = "server_restored"
        case bytesUp = "bytes_up"
        case bytesDown = "bytes_down"
        case documentBytes = "document_bytes"
        case documentChunks = "document_chunks"
        case documentBytesLeft = "document_bytes_left"
        case documentError = "document_error"
        case documentsUploaded = "documents_uploaded"
        case documentBytesUp = "document_bytes_up"
    }

    /// Creates an empty report.
    public init() {}
}

/// Progress of a running sync, for a terminal display.
public struct SyncProgress: Sendable {
    /// Frames applied so far.
    public var frames: Int
    /// Records received so far.
    public var records: Int
    /// Bytes received so far in this exchange.
    public var bytesDown: Int
}
