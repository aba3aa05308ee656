import MergeEngine
import OutpostModel
import Testing
import OutpostReplication

@Suite("Field values as people read and type them")
struct FieldTextTests {
    let opportunity = Opportunity(accountID: try! AccountID(parsing: "3F2B8C4E-1D2A-4B6F-9E1A-0C5D7E9F1A2B"),
                                  ownerID: UserID(), name: "Kegs", stage: .proposal,
                                  amount: Money(minorUnits: 123_450, currency: .eur),
                                  closeDate: try! CalendarDay(year: 2026, month: 11, day: 24))

    private func text(_ kind: ReplicatedKind, _ fields: [FieldID: FieldValue], _ name: String) throws -> String {
        let field = try #require(kind.fieldID(named: name))
        return kind.text(of: fields[field] ?? .null, field: field, in: fields)
    }

    private func parse(_ kind: ReplicatedKind, _ fields: [FieldID: FieldValue], _ name: String, _ text: String) throws -> FieldValue {
        try kind.value(parsing: text, field: try #require(kind.fieldID(named: name)), in: fields)
    }

    private func refusal(_ kind: ReplicatedKind, _ fields: [FieldID: FieldValue], _ name: String, _ text: String) throws -> RecordDecodingError {
        let field = try #require(kind.fieldID(named: name))
        do {
            let value = try kind.value(parsing: text, field: field, in: fields)
            Issue.record("\(name)=\"\(text)\" parsed as \(value)")
        } catch {
            #expect(error.kind == kind && error.field == name && error.fieldID == field)
            return error
        }
        throw CancellationError()
    }

    @Test("each field reads by its codec, not its name")
    func texts() throws {
        let fields = opportunity.fields
        #expect(try text(.opportunity, fields, "close_date") == "2026-11-24")
        #expect(try text(.opportunity, fields, "amount") == "1234.50")
        #expect(try text(.opportunity, fields, "account_id") == "3f2b8c4e-1d2a-4b6f-9e1a-0c5d7e9f1a2b")
        #expect(try text(.opportunity, fields, "stage") == "proposal")
        #expect(try text(.opportunity, fields, "probability") == String(opportunity.probability))
        #expect(try text(.opportunity, fields, "currency") == "EUR")
        let yen = fields.merging([FieldID(5): .decimal(units: 1234, scale: 0), FieldID(6): .string("JPY")]) { $1 }
        #expect(try text(.opportunity, yen, "amount") == "1234")
        let account = Account(territoryID: TerritoryID(), name: "Huber").fields
        #expect(try text(.account, account, "last_visit") == "")
        let model = ConfiguratorModel(productID: ProductID(), variableCount: 500, clauses: [])
        #expect(try text(.configuratorModel, model.fields, "variable_count") == "500", "an int is a day only by its codec")
        let activity = Activity(kind: .visit, subject: "Tasting", day: opportunity.closeDate, accountID: AccountID(), ownerID: UserID(), done: true)
        #expect(try text(.activity, activity.fields, "done") == "yes")
    }

    @Test("byte-encoded arrays read in a short form")
    func lists() throws {
        let a = try ProductID(parsing: "00000000-0000-4000-8000-000000000001")
        let b = try ProductID(parsing: "00000000-0000-4000-8000-000000000002")
        let book = PriceBook(name: "Standard", currency: .eur, entries: [b: Money(minorUnits: -1, currency: .eur), a: Money(minorUnits: 1250, currency: .eur)])
        #expect(try text(.priceBook, book.fields, "entries") == "\(a)=12.50;\(b)=-0.01")
        let territories = [TerritoryID(), TerritoryID()]
        let user = User(name: "ana", displayName: "Ana", role: .rep, territoryIDs: territories)
        #expect(try text(.user, user.fields, "territory_ids") == "\(territories[0]),\(territories[1])")
        let model = ConfiguratorModel(productID: a, variableCount: 2, clauses: [[1, -2], []])
        #expect(try text(.configuratorModel, model.fields, "clauses") == "(1 -2)()")
        let line = QuoteLine(productID: a, selectedOptionIDs: [ProductOptionID(RecordID(b))], quantity: 3,
                             unitPrice: Money(minorUnits: 1000, currency: .eur))
        let quote = Quote(opportunityID: OpportunityID(), lines: [line])
        #expect(try text(.quote, quote.fields, "lines") == "3x\(a)+\(b)@10.00")
        let forecast = ForecastSubmission(ownerID: UserID(), territoryID: TerritoryID(), period: .quarter(year: 2026, quarter: 4),
                                          amounts: [.commit: Money(minorUnits: 5, currency: .usd), .bestCase: .zero(.usd)])
        #expect(try text(.forecastSubmission, forecast.fields, "amounts") == "best_case=0.00;commit=0.05")
        #expect(try parse(.user, user.fields, "territory_ids", "") == User(name: "a", displayName: "A", role: .rep).fields[FieldID(4)])
    }

    @Test("values the codec refuses read plainly")
    func plain() throws {
        var fields = opportunity.fields
        fields[FieldID(6)] = .string("JPY")
        #expect(try text(.opportunity, fields, "amount") == "1234.50", "a scale that does not match the currency keeps its own")
        fields[FieldID(2)] = .bytes([1, 2, 3])
        #expect(try text(.opportunity, fields, "owner_id") == "3 bytes")
        #expect(ReplicatedKind.opportunity.text(of: .int(-5), field: FieldID(99), in: fields) == "-5")
    }

    @Test("empty text clears an optional field and is refused for a required one")
    func empty() throws {
        let fields = opportunity.fields
        let contact = Contact(accountID: AccountID(), firstName: "Ana", lastName: "López").fields
        #expect(try parse(.contact, contact, "email", "") == .null)
        let error = try refusal(.opportunity, fields, "close_date", "")
        #expect(error.code == .missingField)
        #expect(error.description == "opportunity field close_date (f7) is required and cannot be empty; write YYYY-MM-DD")
    }

    @Test("days are exactly YYYY-MM-DD")
    func days() throws {
        let fields = opportunity.fields
        #expect(try parse(.opportunity, fields, "close_date", "2024-02-29") == .int(Int64(try CalendarDay(year: 2024, month: 2, day: 29).daysSinceEpoch)))
        for bad in ["2026-2-01", " 2026-02-01", "2026-+1-01", "2026/02/01", "2026-02-30", "1899-12-31", "20260201", "2026-02-01T00:00"] {
            #expect(try refusal(.opportunity, fields, "close_date", bad).code == .invalidValue, "\(bad)")
        }
        #expect(try refusal(.opportunity, fields, "close_date", "26-1-1").message.contains("YYYY-MM-DD"))
    }

    @Test("money takes the record currency's scale exactly")
    func money() throws {
        var fields = opportunity.fields
        #expect(try parse(.opportunity, fields, "amount", "12.5") == .decimal(units: 1250, scale: 2))
        #expect(try parse(.opportunity, fields, "amount", "-0.05") == .decimal(units: -5, scale: 2))
        #expect(try parse(.opportunity, fields, "amount", "-92233720368547758.08") == .decimal(units: .min, scale: 2))
        let extra = try refusal(.opportunity, fields, "amount", "12.345")
        #expect(extra.message.contains("has 3 decimal places but EUR amounts have at most 2"))
        for bad in ["12.", ".5", "+1", "1,50", " 1", "1e3", "92233720368547758.08", "--1"] {
            #expect(try refusal(.opportunity, fields, "amount", bad).code == .invalidValue, "\(bad)")
        }
        fields[FieldID(6)] = .string("KWD")
        #expect(try parse(.opportunity, fields, "amount", "1.234") == .decimal(units: 1234, scale: 3))
        fields[FieldID(6)] = .null
        #expect(try refusal(.opportunity, fields, "amount", "1").code == .missingField, "no currency, no scale")
    }

    @Test("enums, e-mails, references, flags and currencies are checked")
    func checked() throws {
        let fields = opportunity.fields
        let stage = try refusal(.opportunity, fields, "stage", "won")
        #expect(stage.code == .invalidValue && stage.message.contains("must be one of prospecting, "))
        #expect(try parse(.opportunity, fields, "stage", "closed_won") == .string("closed_won"))
        let contact = Contact(accountID: AccountID(), firstName: "Ana", lastName: "López").fields
        #expect(try refusal(.contact, contact, "email", "ana@").code == .invalidValue)
        #expect(try parse(.contact, contact, "email", "ana@acme.example") == .string("ana@acme.example"))
        let id = try parse(.opportunity, fields, "owner_id", "3F2B8C4E-1D2A-4B6F-9E1A-0C5D7E9F1A2B")
        #expect(id == .bytes(RecordID(try UserID(parsing: "3f2b8c4e-1d2a-4b6f-9e1a-0c5d7e9f1a2b")).bytes))
        #expect(try refusal(.opportunity, fields, "owner_id", "3f2b").message.contains("UUID"))
        let activity = Activity(kind: .visit, subject: "Tasting", day: opportunity.closeDate, accountID: AccountID(), ownerID: UserID()).fields
        #expect(try parse(.activity, activity, "done", "no") == .bool(false))
        #expect(try refusal(.activity, activity, "done", "maybe").message.contains("yes or no"))
        #expect(try refusal(.opportunity, fields, "currency", "XYZ").code == .invalidValue)
        #expect(try refusal(.opportunity, fields, "probability", "ten").code == .invalidValue)
    }

    @Test("malformed list text is refused with an example")
    func badLists() throws {
        let quote = Quote(opportunityID: OpportunityID(), lines: []).fields.merging([FieldID(4): .string("EUR")]) { $1 }
        #expect(try refusal(.quote, quote, "lines", "3@10.00").message.contains("3xproduct-id+option-id@10.00"))
        let model = ConfiguratorModel(productID: ProductID(), variableCount: 2, clauses: []).fields
        #expect(try parse(.configuratorModel, model, "clauses", "()") == .bytes([0, 1, 1, 0]))
        #expect(try refusal(.configuratorModel, model, "clauses", "1 -2").code == .invalidValue)
        #expect(try refusal(.configuratorModel, model, "clauses", "(1 99999999999)").message.contains("32 bits"))
        let forecast = ForecastSubmission(ownerID: UserID(), territoryID: TerritoryID(), period: .quarter(year: 2026, quarter: 4), amounts: [:])
            .fields.merging([FieldID(5): .string("USD")]) { $1 }
        #expect(try refusal(.forecastSubmission, forecast, "amounts", "won=1.00").message.contains("pipeline"))
        #expect(try refusal(.forecastSubmission, forecast, "amounts", "commit=1;commit=2").message.contains("twice"))
    }

    @Test("text for a field the kind lacks is refused")
    func unknownField() {
        do {
            _ = try ReplicatedKind.territory.value(parsing: "x", field: FieldID(9), in: [:])
            Issue.record("parsed text for an unknown field")
        } catch {
            #expect(error.code == .unknownField && error.fieldID == FieldID(9))
            #expect(error.message.contains("name, parent_id"))
        }
    }

    @Test("the CSV header names the id, then the fields in id order; hints describe the text")
    func header() throws {
        #expect(ReplicatedKind.territory.csvHeader == ["id", "name", "parent_id"])
        #expect(ReplicatedKind.opportunity.csvHeader.first == "id")
        let hints = Dictionary(uniqueKeysWithValues: ReplicatedKind.opportunity.fields.map { ($0.name, $0.textHint) })
        #expect(hints["close_date"] == "YYYY-MM-DD")
        #expect(hints["stage"]?.hasPrefix("one of prospecting") == true)
    }
}
