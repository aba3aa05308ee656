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

@Suite("Protocol envelope")
struct SpecVectorTests {
    @Test("SPEC.md's valid vectors decode and re-encode byte for byte")
    func validVectors() throws {
        let vectors = SpecVectors.lines("vector")
        #expect(vectors.count == 3)
        for vector in vectors {
            let bytes = SpecVectors.hex(vector[2])
            let envelope = try Envelope(decoding: bytes)
            #expect("\(envelope.kind)" == vector[0])
            #expect(envelope.body == SpecVectors.hex(vector[1]))
            #expect(envelope.encoded() == bytes)
        }
    }

    @Test("SPEC.md's invalid vectors are refused with their error code")
    func invalidVectors() {
        let vectors = SpecVectors.lines("invalid")
        #expect(vectors.count == 6)
        for vector in vectors {
            #expect {
                try Envelope(decoding: SpecVectors.hex(vector[1]))
            } throws: { error in
                (error as? ProtocolError).map { "\($0.code)" } == vector[0]
            }
        }
    }

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

    @Test("Any envelope round-trips, and any cut of it is refused")
    func roundTrip() async {
        await propertyCheck(count: 500, input: Gen.uint8().array(of: 0...300), Gen.int(in: 0...2)) { body, kindIndex in
            let envelope = Envelope(kind: Envelope.Kind.allCases[kindIndex], body: body)
            let bytes = envelope.encoded()
            #expect((try? Envelope(decoding: bytes)) == envelope)
            #expect((try? Envelope(decoding: Array(bytes.dropLast()))) == nil)
        }
    }
}
