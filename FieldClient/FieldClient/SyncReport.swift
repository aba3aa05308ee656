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

    enum CodingKeys: String, CodingKey {
        case sent, received, accepted, rejected, evicted, conflicts, frames, exchanges, endpoint, renumbered, resent
        case counterAdopted = "counter_adopted"
        case serverRestored = "server_restored"
        case bytesUp = "bytes_up"
        case bytesDown = "bytes_down"
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
