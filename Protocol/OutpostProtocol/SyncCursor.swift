/// How far a device has received the server's changes (SPEC.md §5.1). The device
/// sends it with every request; the server answers with what lies beyond it, and
/// every response frame carries the cursor the device reaches by applying it.
public struct SyncCursor: Hashable, Sendable {
    /// Every change in the device's scope stamped up to this hub counter is received.
    public var watermark: UInt64
    /// The version of the device's scope (its set of territories) fully received.
    public var scopeVersion: UInt64
    /// A scope growth being backfilled, if one was cut short.
    public var backfill: Backfill?

    /// Progress through the records a scope growth brought in.
    public struct Backfill: Hashable, Sendable {
        /// The scope version being backfilled.
        public var target: UInt64
        /// Records of the new territories stamped up to this hub counter are received.
        public var position: UInt64

        /// Creates backfill progress.
        public init(target: UInt64, position: UInt64) {
            self.target = target
            self.position = position
        }
    }

    /// Creates a cursor; a new device starts at ``start``.
    public init(watermark: UInt64, scopeVersion: UInt64, backfill: Backfill? = nil) {
        self.watermark = watermark
        self.scopeVersion = scopeVersion
        self.backfill = backfill
    }

    /// A device that has received nothing.
    public static let start = SyncCursor(watermark: 0, scopeVersion: 0)
}
