import Foundation
import OutpostModel
import OutpostSQLite
import OutpostStore
import StoreTestSupport
import Testing

@testable import OutpostServer

/// Territory, user, quota and catalog administration, run in-process against a real file.
@Suite("outpost-server administration")
struct AdminCommandTests: ServerCommandSuite {
    let folder: ScratchFolder

    init() throws { folder = try ScratchFolder("outpost-admin") }

    @Test("A territory is renamed; it is removed only when empty, and the refusal says what it holds")
    func territories() async throws {
        try await run(["init"])
        try await run(["territory", "add", "DACH"])
        try await run(["territory", "add", "Bavaria", "--parent", "DACH"])
        try await run(["territory", "rename", "Bavaria", "Bavaria North"])
        let store = try SQLiteStore(path: db)
        #expect(try await store.territories().map(\.name).sorted() == ["Bavaria North", "DACH"])
        await #expect { try await run(["territory", "rename", "DACH", "Bavaria North"]) } throws: { error in
            "\(error)".contains("already named")
        }
        await #expect { try await run(["territory", "remove", "DACH"]) } throws: { error in
            "\(error)" == "territory DACH still holds 1 child territories; move or remove them first (territory move, user assign, import with other territories)"
        }
        try await run(["territory", "remove", "Bavaria North"])
        try await run(["territory", "remove", "DACH"])
        #expect(try await store.territories().isEmpty)
    }

    @Test("A disabled user gets no enrolment code until enabled again")
    func disableEnable() async throws {
        try await run(["init"])
        try await run(["user", "add", "ana.lopez", "--role", "rep"])
        try await run(["user", "disable", "ana.lopez"])
        let store = try SQLiteStore(path: db)
        #expect(try await store.disabledUsers().count == 1)
        await #expect { try await run(["device", "enrol", "--user", "ana.lopez"]) } throws: { error in
            "\(error)".contains("ana.lopez is disabled; enable them first")
        }
        try await run(["user", "enable", "ana.lopez"])
        #expect(try await store.disabledUsers().isEmpty)
        try await run(["device", "enrol", "--user", "ana.lopez", "--json"])
    }

    @Test("Quotas are set once per user, territory and period and changed in place")
    func quotas() async throws {
        try await run(["init"])
        try await run(["territory", "add", "Bavaria"])
        try await run(["user", "add", "rep.bavaria", "--role", "rep", "--territory", "Bavaria"])
        try await run(["quota", "set", "rep.bavaria", "--period", "2026Q4", "--amount", "150000", "--currency", "EUR"])
        try await run(["quota", "set", "rep.bavaria", "--period", "2026q4", "--amount", "175000.50", "--currency", "eur"])
        let quotas = try await SQLiteStore(path: db).quotas()
        #expect(quotas.map(\.amount) == [Money(minorUnits: 17_500_050, currency: .eur)])
        await #expect { try await run(["quota", "set", "rep.bavaria", "--period", "Q4", "--amount", "1", "--currency", "EUR"]) }
            throws: { error in "\(error)".contains("2026Q4") }
    }

    @Test("Catalog changes re-sign the product's bundle; retire takes it out of every price book")
    func catalog() async throws {
        try await run(["init"])
        try await run(["catalog", "product", "add", "DOCK-TB4", "--name", "Thunderbolt Dock", "--price", "249"])
        try await run(["catalog", "price-book", "add", "Standard EUR", "--currency", "EUR", "--threshold", "15"])
        let store = try SQLiteStore(path: db)
        let before = try await store.currentChangeSequence()
        try await run(["catalog", "price-book", "set", "Standard EUR", "dock-tb4", "229"])
        try await run(["catalog", "price-book", "threshold", "Standard EUR", "12.5"])
        var book = try #require(try await store.priceBooks().first)
        #expect(book.entries.values.map(\.minorUnits) == [22_900])
        #expect(book.approvalThresholdBasisPoints == 1_250)
        #expect(try await store.currentChangeSequence() >= before + 4, "each change writes the book and a newly signed bundle")
        await #expect { try await run(["catalog", "price-book", "set", "Standard EUR", "NOPE", "1"]) } throws: { error in
            "\(error)".contains("no product \"NOPE\"; known SKUs: DOCK-TB4")
        }
        try await run(["catalog", "product", "retire", "DOCK-TB4"])
        book = try #require(try await store.priceBooks().first)
        #expect(book.entries.isEmpty)

        let sheet = folder.path("catalog.csv")
        try """
            sku;option;name;price;currency;price_book
            DOCK-TB4;;;219.00;EUR;Standard EUR
            DOCK-TB4;psu-180w;180 W power supply;39.50;EUR;
            MON-32;;32-inch Monitor;399;EUR;

            """.write(toFile: sheet, atomically: true, encoding: .utf8)
        try await run(["catalog", "import", "--csv", sheet, "--dry-run"])
        #expect(try await store.products().count == 1)
        try await run(["catalog", "import", "--csv", sheet])
        #expect(try await store.products().map(\.sku) == ["DOCK-TB4", "MON-32"])
        let dock = try #require(try await store.products().first)
        #expect(try await store.productOptions(of: dock.id).map(\.price.minorUnits) == [3_950])
        let sequence = try await store.currentChangeSequence()
        try await run(["catalog", "import", "--csv", sheet])
        #expect(try await store.currentChangeSequence() == sequence, "the same sheet again changes nothing")
    }
}
