public import ByteCoding
public import MergeEngine

/// Field values and wall-clock times on the wire (SPEC.md §3).
public enum ValueCodec {
    /// The tag byte that starts each encoded ``FieldValue``.
    enum Tag: UInt8 {
        case null = 0, `false` = 1, `true` = 2, int = 3, string = 4, bytes = 5, decimal = 6
    }

    /// Times travel as whole seconds since this instant (2025-01-01T00:00:00Z), so a
    /// recent time fits in four bytes. Sub-second parts are dropped: writers stamp
    /// their writes with whole seconds (`WallClock.wholeSecond`).
    public static let epochMilliseconds: Int64 = 1_735_689_600_000

    /// Appends `value`.
    public static func write(_ value: FieldValue, to writer: inout ByteWriter) {
        switch value {
        case .null: writer.byte(Tag.null.rawValue)
        case .bool(let flag): writer.byte(flag ? Tag.true.rawValue : Tag.false.rawValue)
        case .int(let number):
            writer.byte(Tag.int.rawValue)
            writer.signed(number)
        case .string(let text):
            writer.byte(Tag.string.rawValue)
            writer.string(text)
        case .bytes(let data):
            writer.byte(Tag.bytes.rawValue)
            writer.lengthPrefixed(data)
        case .decimal(let units, let scale):
            writer.byte(Tag.decimal.rawValue)
            writer.byte(scale)
            writer.signed(units)
        }
    }

    /// Reads one value.
    public static func read<Failure: ByteReadFailure>(from reader: inout ByteReader<Failure>) throws(Failure) -> FieldValue {
        let start = reader.offset
        guard let tag = Tag(rawValue: try reader.byte()) else {
            throw Failure.malformed("value tag \(reader.bytes[start]) at byte \(start) is unknown")
        }
        switch tag {
        case .null: return .null
        case .false: return .bool(false)
        case .true: return .bool(true)
        case .int: return .int(try reader.signed())
        case .string: return .string(try reader.string())
        case .bytes: return .bytes(try reader.lengthPrefixed())
        case .decimal:
            let scale = try reader.byte()
            guard scale <= 18 else { throw Failure.malformed("decimal scale \(scale) at byte \(start) exceeds 18") }
            return .decimal(units: try reader.signed(), scale: scale)
        }
    }

    /// Appends `time` as signed whole seconds since ``epochMilliseconds``.
    public static func write(_ time: WallClock, to writer: inout ByteWriter) {
        writer.signed(seconds(time))
    }

    /// Reads a time.
    public static func readTime<Failure: ByteReadFailure>(from reader: inout ByteReader<Failure>) throws(Failure) -> WallClock {
        let seconds = try reader.signed()
        guard seconds > -(1 << 40), seconds < 1 << 40 else { throw Failure.malformed("time \(seconds) s is out of range") }
        return WallClock(milliseconds: epochMilliseconds + seconds * 1000)
    }

    /// Whole seconds of `time` since the protocol epoch.
    public static func seconds(_ time: WallClock) -> Int64 {
        let delta = time.milliseconds - epochMilliseconds
        return delta >= 0 ? delta / 1000 : -((-delta + 999) / 1000)
    }
}
