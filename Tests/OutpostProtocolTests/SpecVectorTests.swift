import Foundation
import MergeEngine
import OutpostProtocol
import PropertyBased
import Testing

/// Reads the `vector` and `invalid` lines of Protocol/SPEC.md.
enum SpecVectors {
    static let text: String = {
        let spec = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Protocol/SPEC.md").standardizedFileURL
        return (try? String(contentsOf: spec, encoding: .utf8)) ?? ""
    }()

    static func hex(_ text: String) -> [UInt8] {
        text == "(empty)" ? [] : text.split(separator: " ").map { UInt8($0, radix: 16)! }
    }

    static func lines(_ prefix: String) -> [[String]] {
        text.split(separator: "\n").filter { $0.hasPrefix(prefix + " ") }.map {
            $0.dropFirst(prefix.count + 1).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
    }
}

@Suite("Protocol SPEC.md")
struct SpecVectorTests {
    @Test("SPEC.md's varint table matches the codec")
    func varints() {
        let table: [(UInt64, String)] = [(0, "00"), (127, "7f"), (128, "80 01"), (300, "ac 02"), (16384, "80 80 01")]
        for (value, hex) in table {
            #expect(SpecVectors.text.contains("| \(value) | `\(hex)` |"))
            var bytes: [UInt8] = []
            LEB128.append(value, to: &bytes)
            #expect(bytes == SpecVectors.hex(hex))
        }
    }
}
