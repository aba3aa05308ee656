import MergeEngine
import OutpostModel
import Testing
@testable import OutpostReplication

@Suite("Bad fields are refused with a typed, actionable error")
struct DecodingErrorTests {
    let account = Account(territoryID: TerritoryID(), name: "Brauerei Huber", country: "DE")
    let opportunity = Opportunity(accountID: AccountID(), ownerID: UserID(), name: "Kegs", stage: .proposal,
                                  amount: Money(minorUnits: 1250, currency: .eur),
                                  closeDate: try! CalendarDay(year: 2026, month: 12, day: 1))

    private func decodeError<R: ReplicatedRecord>(
        _ type: R.Type, _ record: R, _ change: (inout [FieldID: FieldValue]) -> Void
    ) -> RecordDecodingError? {
        var fields = record.fields
        change(&fields)
        do {
            _ = try R(recordID: record.recordID, fields: fields)
            return nil
        } catch {
            return error
        }
    }

    @Test("a missing or null required field")
    func missingField() throws {
        let error = try #require(decodeError(Account.self, account) { $0[FieldID(2)] = nil })
        #expect(error.code == .missingField)
        #expect(error.kind == .account)
        #expect(error.field == "name")
        #expect(error.fieldID == FieldID(2))
        #expect(error.description == "account field name (f2) is required but missing or null; write a string value")
        let null = try #require(decodeError(Account.self, account) { $0[FieldID(1)] = .null })
        #expect(null.code == .missingField && null.field == "territory_id")
    }

    @Test("a field holding the wrong FieldValue case")
    func wrongCase() throws {
        let error = try #require(decodeError(Account.self, account) { $0[FieldID(2)] = .int(7) })
        #expect(error.code == .wrongValueCase)
        #expect(error.field == "name")
        #expect(error.message.contains("must be a string value but is an int"))
        let day = try #require(decodeError(Account.self, account) { $0[FieldID(7)] = .string("2026-01-01") })
        #expect(day.code == .wrongValueCase && day.field == "last_visit")
    }

    @Test("values of the right case that are unusable")
    func invalidValues() throws {
        let uuid = try #require(decodeError(Account.self, account) { $0[FieldID(1)] = .bytes([1, 2, 3]) })
        #expect(uuid.code == .invalidValue && uuid.message.contains("16-byte UUID but has 3 bytes"))
        let day = try #require(decodeError(Account.self, account) { $0[FieldID(7)] = .int(Int64.max) })
        #expect(day.code == .invalidValue && day.field == "last_visit")
        let lead = Lead(territoryID: TerritoryID(), company: "Huber", firstName: "Ana", lastName: "López")
        let status = try #require(decodeError(Lead.self, lead) { $0[FieldID(6)] = .string("won") })
        #expect(status.code == .invalidValue && status.field == "status")
        #expect(status.message.contains("new, contacted, qualified, converted, disqualified"))
        let contact = Contact(accountID: AccountID(), firstName: "Ana", lastName: "López")
        let email = try #require(decodeError(Contact.self, contact) { $0[FieldID(4)] = .string("ana@") })
        #expect(email.code == .invalidValue && email.field == "email")
    }

    @Test("money must match the record's currency")
    func money() throws {
        let scale = try #require(decodeError(Opportunity.self, opportunity) { $0[FieldID(6)] = .string("JPY") })
        #expect(scale.code == .invalidValue && scale.field == "amount")
        #expect(scale.message.contains("has 2 decimal places but JPY has 0"))
        let missing = try #require(decodeError(Opportunity.self, opportunity) { $0[FieldID(6)] = nil })
        #expect(missing.code == .missingField && missing.field == "amount")
        let unknown = try #require(decodeError(Opportunity.self, opportunity) { $0[FieldID(6)] = .string("XYZ") })
        #expect(unknown.code == .invalidValue && unknown.field == "currency")
        let book = PriceBook(name: "Standard", currency: .eur)
        let bookCurrency = try #require(decodeError(PriceBook.self, book) { $0[FieldID(2)] = .null })
        #expect(bookCurrency.code == .missingField && bookCurrency.field == "currency")
    }

    @Test("malformed byte-encoded arrays")
    func malformedBytes() throws {
        let user = User(name: "ana", displayName: "Ana", role: .rep, territoryIDs: [TerritoryID()])
        guard case .bytes(let bytes) = user.fields[FieldID(4)] else { Issue.record("territory_ids is not bytes"); return }
        let truncated = try #require(decodeError(User.self, user) { $0[FieldID(4)] = .bytes(Array(bytes.dropLast())) })
        #expect(truncated.code == .invalidValue && truncated.field == "territory_ids")
        let trailing = try #require(decodeError(User.self, user) { $0[FieldID(4)] = .bytes(bytes + [0]) })
        #expect(trailing.code == .invalidValue && trailing.message.contains("1 unexpected bytes"))
        let huge = try #require(decodeError(User.self, user) { $0[FieldID(4)] = .bytes([0xFF, 0xFF, 0xFF, 0x7F]) })
        #expect(huge.code == .invalidValue && huge.message.contains("but only 0 bytes follow"))
        let model = ConfiguratorModel(productID: ProductID(), variableCount: 1, clauses: [])
        let wide = try #require(decodeError(ConfiguratorModel.self, model) {
            $0[FieldID(3)] = .bytes([1, 1, 0x80, 0x80, 0x80, 0x80, 0x10]) // zig-zag 2^32 = 2^31
        })
        #expect(wide.code == .invalidValue && wide.message.contains("does not fit 32 bits"))
    }

    @Test("a record that breaks a model rule")
    func invalidRecord() throws {
        let error = try #require(decodeError(Account.self, account) { $0[FieldID(5)] = .string("de") })
        #expect(error.code == .invalidRecord)
        #expect(error.field == "country" && error.fieldID == FieldID(5))
        #expect(error.validationError?.code == .badFormat)
        let won = try #require(decodeError(Opportunity.self, opportunity) { $0[FieldID(4)] = .string("closed_won") })
        #expect(won.code == .invalidRecord && won.field == "probability")
    }

    @Test("a configurator model stored under another id than its product's")
    func mismatchedRecordID() {
        let model = ConfiguratorModel(productID: ProductID(), variableCount: 2, clauses: [[1, -2]])
        #expect(throws: RecordDecodingError.self) {
            _ = try ConfiguratorModel(recordID: RecordID(model.productID), fields: model.fields)
        }
        do {
            _ = try ConfiguratorModel(recordID: RecordID(high: 1, low: 2), fields: model.fields)
        } catch {
            #expect(error.code == .mismatchedRecordID)
        }
    }
}
