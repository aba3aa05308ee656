import MergeEngine
import OutpostModel
import PropertyBased
import Testing
import OutpostReplication

/// Whatever arrives from a peer or a person, decoders and parsers answer with a
/// ``RecordDecodingError`` or a value, never a crash.
@Suite("Corrupt input never crashes a decoder")
struct CorruptInputTests {
    @Test("random field dictionaries decode or throw a RecordDecodingError", arguments: ReplicatedKind.allCases)
    func randomFields(kind: ReplicatedKind) async {
        await checkRandomRecords(kind, count: 100) { random, valid in
            var fields = random.bool() ? valid.fields : [:]
            let ids = (1...UInt16(kind.fields.count + 1)).map(FieldID.init)
            for id in ids where fields.isEmpty || random.int(0...3) == 0 {
                fields[id] = random.corruptValue(near: valid.fields[id])
            }
            let recordID = random.bool() ? valid.recordID : RecordID(high: random.rng.next(), low: random.rng.next())
            do throws(RecordDecodingError) {
                let record = try kind.decode(recordID: recordID, fields: fields)
                let again = try kind.decode(recordID: record.recordID, fields: record.fields)
                #expect(AnyHashable(again) == AnyHashable(record), "what decodes re-encodes to itself")
            } catch {
                #expect(error.kind == kind)
                #expect(error.fieldID.map { id in kind.fields.contains { $0.id == id } } ?? true)
                #expect(!error.message.isEmpty)
            }
            for id in ids { _ = kind.text(of: fields[id] ?? .null, field: id, in: fields) }
            _ = kind.csvRow(id: recordID, fields: fields)
        }
    }

    @Test("random text parses to a value of the field's case or throws", arguments: ReplicatedKind.allCases)
    func randomText(kind: ReplicatedKind) async {
        await checkRandomRecords(kind, count: 60) { random, record in
            let fields = record.fields
            for field in kind.fields {
                let valid = kind.text(of: fields[field.id] ?? .null, field: field.id, in: fields)
                let text = random.bool() ? random.mangled(valid) : random.junk()
                do throws(RecordDecodingError) {
                    let value = try kind.value(parsing: text, field: field.id, in: fields)
                    #expect(value == .null ? field.isOptional : FieldValueCase(value) == field.valueCase)
                } catch {
                    #expect(error.kind == kind && error.fieldID == field.id)
                }
            }
        }
    }
}

extension RandomRecords {
    /// A value of a random case: random bytes, extreme numbers, near-valid strings,
    /// or `valid` with its bytes cut, extended or flipped.
    mutating func corruptValue(near valid: FieldValue?) -> FieldValue {
        if case .bytes(var bytes)? = valid, bool() {
            switch int(0...2) {
            case 0: bytes = Array(bytes.prefix(int(0...bytes.count)))
            case 1: bytes += (0..<int(1...4)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            default: if !bytes.isEmpty { bytes[int(0...bytes.count - 1)] ^= UInt8.random(in: 1...255, using: &rng) }
            }
            return .bytes(bytes)
        }
        switch int(0...5) {
        case 0: return .null
        case 1: return .bool(bool())
        case 2: return .int(bool() ? Int64(int(-1_000_000...1_000_000)) : Int64(bitPattern: rng.next()))
        case 3: return .string(bool() ? junk() : pick(["EUR", "JPY", "KWD", "XYZ", "", "new", "closed_won", "rep", "commit", "2026Q4", "a@b.c"]))
        case 4: return .decimal(units: Int64(bitPattern: rng.next()), scale: bool() ? UInt8(int(0...3)) : UInt8.random(in: 0...255, using: &rng))
        default: return .bytes((0..<pick([0, 1, 16, int(0...64)])).map { _ in UInt8.random(in: 0...255, using: &rng) })
        }
    }

    /// Text from the characters the text forms use, and a few others.
    mutating func junk() -> String {
        String((0..<int(0...30)).map { _ in pick(Array("0123456789abcdef-.,;=x@()+ _QZé🙂")) })
    }

    /// `text` with a character dropped, doubled or replaced.
    mutating func mangled(_ text: String) -> String {
        var characters = Array(text)
        guard !characters.isEmpty else { return junk() }
        let index = int(0...characters.count - 1)
        switch int(0...2) {
        case 0: characters.remove(at: index)
        case 1: characters.insert(characters[index], at: index)
        default: characters[index] = pick(Array("0-.;=x@()+ Z"))
        }
        return String(characters)
    }
}
