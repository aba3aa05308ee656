import Foundation

/// Protocol/SPEC.md as the vector tests read it: its text, and its table lines of the
/// form `prefix name | … | hex`.
public enum SpecText {
    /// The whole of SPEC.md (empty if it cannot be read, which fails every vector test).
    public static let text: String = {
        let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Protocol/SPEC.md").standardizedFileURL
        return (try? String(contentsOf: spec, encoding: .utf8)) ?? ""
    }()

    /// The bytes of space-separated hex, or none for `(empty)`.
    public static func hex(_ text: String) -> [UInt8] {
        text == "(empty)" ? [] : text.split(separator: " ").map { UInt8($0, radix: 16)! }
    }

    /// The columns of every line that starts with `prefix` and a space, trimmed.
    public static func lines(_ prefix: String) -> [[String]] {
        text.split(separator: "\n").filter { $0.hasPrefix(prefix + " ") }.map {
            $0.dropFirst(prefix.count + 1).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }
}
