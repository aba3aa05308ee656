/// Identifies a replica: the hub (server) or one field device.
///
/// Replica ids are small integers assigned by the server when a device enrols, so
/// they encode in one to three LEB128 bytes.
public struct ReplicaID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The raw integer value.
    public var rawValue: UInt32

    /// Creates a replica id from its raw value.
    public init(_ rawValue: UInt32) { self.rawValue = rawValue }

    public static func < (lhs: ReplicaID, rhs: ReplicaID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "r\(rawValue)" }
}

/// Identifies a field inside a record type by a small integer, so the protocol can
/// encode field keys compactly.
public struct FieldID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The raw integer value.
    public var rawValue: UInt16

    /// Creates a field id from its raw value.
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    public static func < (lhs: FieldID, rhs: FieldID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "f\(rawValue)" }
}

/// Identifies a record type (account, contact, visit, …).
public struct RecordTypeID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The raw integer value.
    public var rawValue: UInt16

    /// Creates a record type id from its raw value.
    public init(_ rawValue: UInt16) { self.rawValue = rawValue }

    public static func < (lhs: RecordTypeID, rhs: RecordTypeID) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "t\(rawValue)" }
}

/// A record's 16-byte UUID, stored as two big-endian halves so it is a plain value
/// type without Foundation.
public struct RecordID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The first (most significant) eight bytes.
    public var high: UInt64
    /// The last (least significant) eight bytes.
    public var low: UInt64

    /// Creates a record id from its two 64-bit halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Creates a record id from exactly 16 bytes (RFC 4122 byte order).
    /// - Throws: ``MergeError/invalidRecordID(byteCount:)`` if `bytes` is not 16 bytes long.
    /// Inlinable so callers in other modules get it specialised for their collection
    /// (unspecialised, it dominated listing thousands of records).
    @inlinable
    public init(bytes: some Collection<UInt8>) throws(MergeError) {
        guard bytes.count == 16 else { throw .invalidRecordID(byteCount: bytes.count) }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
        }
        self.init(high: high, low: low)
    }

    /// The 16 bytes of the UUID in RFC 4122 order.
    public var bytes: [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: high >> (56 - 8 * $0)) }
            + (0..<8).map { UInt8(truncatingIfNeeded: low >> (56 - 8 * $0)) }
    }

    public static func < (lhs: RecordID, rhs: RecordID) -> Bool {
        (lhs.high, lhs.low) < (rhs.high, rhs.low)
    }

    public var description: String {
        let hex = bytes.map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
        }.joined()
        return hex
    }
}

/// A wall-clock instant in milliseconds since the Unix epoch.
///
/// Wall-clock times are **for display only** ("edited 5 minutes ago"): the merge
/// engine never uses them to decide which write wins, because device clocks can be
/// hours off.
public struct WallClock: Hashable, Comparable, Sendable {
    /// Milliseconds since 1970-01-01T00:00:00Z.
    public var milliseconds: Int64

    /// Creates an instant from milliseconds since the epoch.
    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public static func < (lhs: WallClock, rhs: WallClock) -> Bool { lhs.milliseconds < rhs.milliseconds }

    /// This instant shifted by `milliseconds` (negative moves back in time).
    public func adding(milliseconds delta: Int64) -> WallClock { WallClock(milliseconds: milliseconds + delta) }

    /// This instant rounded down to a whole second, as every writer stamps its writes
    /// (times travel as whole seconds).
    public var wholeSecond: WallClock { WallClock(milliseconds: milliseconds - ((milliseconds % 1000) + 1000) % 1000) }
}
