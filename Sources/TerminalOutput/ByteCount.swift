import Foundation

/// Byte counts as people read them: `512 B`, `14.2 KB`, `5.0 MB` (powers of 1000, as
/// `--max-bytes 2MB` reads them).
public enum ByteCount {
    /// `bytes` in B, KB, MB or GB with one decimal above bytes.
    public static func text(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        for (unit, size) in [("GB", 1e9), ("MB", 1e6), ("KB", 1e3)] where Double(bytes) >= size {
            let value = (Double(bytes) / size * 10).rounded() / 10
            return "\(value) \(unit)"
        }
        return "\(bytes) B"
    }

    /// The bytes `text` names: a whole number with an optional unit `B`, `KB`, `MB` or
    /// `GB` (any case), e.g. `2MB`, `200KB`, `1500`; `nil` if it names none.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let digits = trimmed.prefix { $0.isNumber || $0 == "." }
        guard let number = Double(digits), number >= 0 else { return nil }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces)
        let factor: Double
        switch unit {
        case "", "B": factor = 1
        case "KB", "K": factor = 1e3
        case "MB", "M": factor = 1e6
        case "GB", "G": factor = 1e9
        default: return nil
        }
        return Int(exactly: (number * factor).rounded())
    }
}
