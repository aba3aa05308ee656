import OutpostModel
import PropertyBased
import Testing

@Suite("Money and currency")
struct MoneyTests {
    @Test("Decimal text parses to exact minor units", arguments: [
        ("1234.50", Currency.eur, Int64(123_450)),
        ("0", Currency.eur, 0),
        ("-12.3", Currency.usd, -1230),
        ("+7", Currency.gbp, 700),
        ("1500", try! Currency(code: "JPY"), 1500),
        ("1.234", try! Currency(code: "KWD"), 1234),
    ])
    func parses(text: String, currency: Currency, minor: Int64) throws {
        #expect(try Money(parsing: text, currency: currency).minorUnits == minor)
    }

    @Test("Malformed or over-precise amounts are refused, never rounded", arguments: [
        "12.345", "1,50", "abc", "", "1.", ".5", "1.2.3", "--1", "99999999999999999999",
    ])
    func refuses(text: String) {
        #expect(throws: ValidationError.self) { try Money(parsing: text, currency: .eur) }
    }

    @Test("A third decimal place in EUR names the currency's scale")
    func scaleMessage() {
        #expect(throws: ValidationError(.badFormat, field: "amount", "EUR amounts have at most 2 decimal places (got \"1.005\")")) {
            try Money(parsing: "1.005", currency: .eur)
        }
    }

    @Test("Formatting then parsing gives the same amount")
    func roundTrip() async {
        await propertyCheck(count: 2000, input: Gen.int64(in: -1_000_000_000_000...1_000_000_000_000)) { minor in
            for currency in [Currency.eur, try! Currency(code: "JPY"), try! Currency(code: "KWD")] {
                let money = Money(minorUnits: minor, currency: currency)
                #expect((try? Money(parsing: money.decimalString, currency: currency)) == money)
            }
        }
    }

    @Test("Currencies are three upper-case letters that Outpost knows")
    func currencies() throws {
        #expect(try Currency(code: "JPY").scale == 0)
        #expect(throws: ValidationError.self) { try Currency(code: "eur") }
        #expect(throws: ValidationError.self) { try Currency(code: "XXX") }
    }

    @Test("Adding refuses mixed currencies and overflow")
    func adding() throws {
        let a = Money(minorUnits: 150, currency: .eur)
        #expect(try a.adding(a).minorUnits == 300)
        #expect(throws: ValidationError.self) { try a.adding(Money(minorUnits: 1, currency: .usd)) }
        #expect(throws: ValidationError.self) { try Money(minorUnits: .max, currency: .eur).adding(a) }
    }
}
