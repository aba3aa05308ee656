/// The value of one field. Deliberately small: the protocol layer maps richer domain
/// types (dates, money, references) onto these cases.
public enum FieldValue: Hashable, Sendable {
    /// An explicit null (the field was cleared).
    case null
    /// A boolean.
    case bool(Bool)
    /// A signed 64-bit integer.
    case int(Int64)
    /// A UTF-8 string.
    case string(String)
    /// Opaque bytes.
    case bytes([UInt8])
    /// An exact decimal `units × 10^-scale` (e.g. 12.50 is `units: 1250, scale: 2`).
    case decimal(units: Int64, scale: UInt8)
}
