import MergeEngine
import OutpostModel
import PropertyBased
import Testing
import OutpostReplication

@Suite("Field text round-trips")
struct TextRoundTripTests {
    @Test("random valid records: every field's text parses back to its value", arguments: ReplicatedKind.allCases)
    func everyField(kind: ReplicatedKind) async {
        await checkRandomRecords(kind, count: 60) { _, record in
            let fields = record.fields
            var parsed: [FieldID: FieldValue] = [:]
            for field in kind.fields {
                let value = fields[field.id] ?? .null
                let text = kind.text(of: value, field: field.id, in: fields)
                parsed[field.id] = try kind.value(parsing: text, field: field.id, in: fields)
                #expect(parsed[field.id] == value, "\(kind.name).\(field.name): \(value) → \"\(text)\"")
            }
            let decoded = try kind.decode(recordID: record.recordID, fields: parsed)
            #expect(AnyHashable(decoded) == AnyHashable(record))
        }
    }

    @Test("a CSV row holds the id, then each field's text under its name", arguments: ReplicatedKind.allCases)
    func csvRows(kind: ReplicatedKind) async {
        await checkRandomRecords(kind, count: 40) { _, record in
            let row = kind.csvRow(id: record.recordID, fields: record.fields)
            #expect(row.count == kind.csvHeader.count)
            let id = try EntityID<Account>(parsing: row[0])
            #expect(id == EntityID<Account>(record.recordID))
            #expect(row[0] == row[0].lowercased())
            for (field, cell) in zip(kind.fields, row.dropFirst()) {
                let value = try kind.value(parsing: cell, field: field.id, in: record.fields)
                #expect(value == record.fields[field.id])
            }
        }
    }
}
