/// How far a device has received the hub's changes: what it sends with a request and
/// what each delivery brings it to.
public struct DeviceCursor: Sendable, Hashable {
    /// Every change in scope stamped up to this hub counter is received.
    public var watermark: UInt64
    /// The version of the device's scope fully received.
    public var scopeVersion: UInt64
    /// A scope growth being backfilled: its target version and how far it got.
    public var backfill: (target: UInt64, position: UInt64)? {
        get { backfillTarget.map { ($0, backfillPosition) } }
        set {
            backfillTarget = newValue?.target
            backfillPosition = newValue?.position ?? 0
        }
    }
    private var backfillTarget: UInt64?
    private var backfillPosition: UInt64 = 0

    /// Creates a cursor.
    public init(watermark: UInt64, scopeVersion: UInt64, backfill: (target: UInt64, position: UInt64)? = nil) {
        self.watermark = watermark
        self.scopeVersion = scopeVersion
        self.backfill = backfill
    }

    /// A device that has received nothing.
    public static let start = DeviceCursor(watermark: 0, scopeVersion: 0)
}
