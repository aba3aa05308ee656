import MergeEngine

extension FieldValue {
    /// The value read without its field's codec, for a value the codec refuses (a
    /// corrupt value, a newer peer's field): numbers and text as they are, `yes`/`no`,
    /// a decimal with its own scale, bytes as `N bytes`.
    var plainText: String {
        switch self {
        case .null: return ""
        case .bool(let flag): return flag ? "yes" : "no"
        case .int(let number): return String(number)
        case .string(let text): return text
        case .bytes(let bytes): return "\(bytes.count) bytes"
        case .decimal(let units, let scale):
            let digits = String(units.magnitude)
            let padded = String(repeating: "0", count: max(0, Int(scale) + 1 - digits.count)) + digits
            let point = padded.index(padded.endIndex, offsetBy: -Int(scale))
            let number = scale == 0 ? padded : padded[..<point] + "." + padded[point...]
            return (units < 0 ? "-" : "") + number
        }
    }
}
