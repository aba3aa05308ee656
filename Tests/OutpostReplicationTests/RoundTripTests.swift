import MergeEngine
import OutpostModel
import PropertyBased
import Testing
@testable import OutpostReplication

@Suite("Records round-trip through fields")
struct RoundTripTests {
    @Test("random valid records → fields → the same record", arguments: ReplicatedKind.allCases)
    func roundTrip(kind: ReplicatedKind) async {
        await checkRandomRecords(kind, count: 60) { _, record in
            try #require(try isValid(record))
            try check(record, kind: kind)
        }
    }

    private func isValid(_ record: any ReplicatedRecord) throws -> Bool {
        try (record as? any Validatable)?.validate()
        return true
    }

    private func check<R: ReplicatedRecord>(_ record: R, kind: ReplicatedKind) throws {
        #expect(R.kind == kind)
        let fields = record.fields
        #expect(Set(fields.keys) == Set(kind.fields.map(\.id)), "every field is written, nil as .null")
        for descriptor in kind.fields {
            let value = try #require(fields[descriptor.id])
            if value == .null {
                #expect(descriptor.isOptional, "\(descriptor) is required but encoded null")
            } else {
                #expect(FieldValueCase(value) == descriptor.valueCase, "\(descriptor) encoded as \(value)")
            }
        }
        let decoded = try R(recordID: record.recordID, fields: fields)
        #expect(decoded == record)
        let erased = try kind.decode(recordID: record.recordID, fields: fields)
        #expect(AnyHashable(erased) == AnyHashable(record))
        #expect(decoded.fields == fields, "encoding is deterministic")
    }

    @Test("UUIDs map to record ids byte for byte, in RFC 4122 order")
    func entityIDs() throws {
        let account = try AccountID(parsing: "00112233-4455-6677-8899-aabbccddeeff")
        let id = RecordID(account)
        #expect(id.bytes == [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88, 0x99, 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF])
        #expect(id.description == "00112233445566778899aabbccddeeff")
        #expect(AccountID(id) == account)
    }

    @Test("optional fields left out decode as nil; unknown fields are ignored")
    func absentAndUnknownFields() throws {
        let account = Account(territoryID: TerritoryID(), name: "Brauerei Huber")
        var fields = account.fields.filter { $0.value != .null }
        fields[FieldID(99)] = .string("from a newer peer")
        #expect(try Account(recordID: account.recordID, fields: fields) == account)
    }
}
