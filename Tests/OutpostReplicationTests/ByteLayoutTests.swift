import MergeEngine
import OutpostModel
import Testing
@testable import OutpostReplication

/// The byte vectors of `Protocol/RECORDS.md`, checked literally.
@Suite("Byte layouts of nested arrays")
struct ByteLayoutTests {
    let a = try! ProductID(parsing: "00000000-0000-4000-8000-000000000001")
    let b = try! ProductID(parsing: "00000000-0000-4000-8000-000000000002")

    @Test("configurator clauses: layout 1, counts, then each literal's variable as a delta and its sign")
    func clauses() throws {
        let model = ConfiguratorModel(productID: a, variableCount: 2, clauses: [[1, -2], []])
        #expect(model.fields[FieldID(3)] == .bytes([0x00, 0x01, 0x02, 0x02, 0x04, 0x05, 0x00]))
        // A clause's first variable counts from the previous clause's first; deltas may be negative.
        let wide = ConfiguratorModel(productID: a, variableCount: 300, clauses: [[300, -299], [-298, 300], [1], [Int32.min, Int32.max, 0]])
        let decoded = try #require(try ReplicatedKind.configuratorModel.decode(recordID: wide.recordID, fields: wide.fields) as? ConfiguratorModel)
        #expect(decoded.clauses == wide.clauses)
    }

    @Test("configurator clauses in the plain layout written before layout 1 still read")
    func plainClauses() throws {
        let model = ConfiguratorModel(productID: a, variableCount: 2, clauses: [[1, -2], []])
        for (bytes, clauses) in [([0x02, 0x02, 0x02, 0x03, 0x00], [[1, -2], []]), ([0x00], [])] as [([UInt8], [[Int32]])] {
            var fields = model.fields
            fields[FieldID(3)] = .bytes(bytes)
            let decoded = try #require(try ReplicatedKind.configuratorModel.decode(recordID: model.recordID, fields: fields) as? ConfiguratorModel)
            #expect(decoded.clauses == clauses)
        }
        var unknown = model.fields
        unknown[FieldID(3)] = .bytes([0x00, 0x02, 0x00])
        #expect(throws: RecordDecodingError.self) { try ReplicatedKind.configuratorModel.decode(recordID: model.recordID, fields: unknown) }
    }

    @Test("price book entries: sorted by product id, minor units zig-zag")
    func priceEntries() {
        let book = PriceBook(name: "Standard", currency: .eur, entries: [
            b: Money(minorUnits: -1, currency: .eur), a: Money(minorUnits: 64, currency: .eur),
        ])
        let expected: [UInt8] = [0x02] + RecordID(a).bytes + [0x80, 0x01] + RecordID(b).bytes + [0x01]
        #expect(book.fields[FieldID(3)] == .bytes(expected))
        #expect(book.fields[FieldID(2)] == .string("EUR"))
    }

    @Test("volume tiers: per product its kind's name, then each tier's first quantity and discount, zig-zag")
    func volumeTiers() {
        let slab = VolumeSchedule(kind: .slab, tiers: [VolumeTier(fromQuantity: 1, discountBasisPoints: 0),
                                                       VolumeTier(fromQuantity: 10, discountBasisPoints: 500)])
        let book = PriceBook(name: "Standard", currency: .eur, tiers: [a: slab], approvalThresholdBasisPoints: 1500)
        let expected: [UInt8] = [0x01] + RecordID(a).bytes + [0x04] + Array("slab".utf8) + [0x02, 0x02, 0x00, 0x14, 0xE8, 0x07]
        #expect(book.fields[FieldID(4)] == .bytes(expected))
        #expect(book.fields[FieldID(5)] == .int(1500))
    }

    @Test("a price book written before tiers existed reads as one without tiers")
    func priceBookWithoutTiers() throws {
        let book = PriceBook(name: "Standard", currency: .eur, entries: [a: Money(minorUnits: 64, currency: .eur)])
        var fields = book.fields
        fields[FieldID(4)] = nil
        fields[FieldID(5)] = nil
        let decoded = try #require(try ReplicatedKind.priceBook.decode(recordID: book.recordID, fields: fields) as? PriceBook)
        #expect(decoded == book && decoded.tiers.isEmpty)
    }

    @Test("forecast amounts: category names sorted, minor units zig-zag")
    func forecastAmounts() {
        let submission = ForecastSubmission(ownerID: UserID(), territoryID: TerritoryID(), period: .quarter(year: 2026, quarter: 4),
                                            amounts: [.commit: Money(minorUnits: 5, currency: .usd),
                                                      .bestCase: Money(minorUnits: 0, currency: .usd)])
        let expected: [UInt8] = [0x02, 0x09] + Array("best_case".utf8) + [0x00, 0x06] + Array("commit".utf8) + [0x0A]
        #expect(submission.fields[FieldID(4)] == .bytes(expected))
        #expect(submission.fields[FieldID(5)] == .string("USD"))
        #expect(submission.fields[FieldID(3)] == .string("2026Q4"))
    }

    @Test("quote lines: product, options, quantity, unit price")
    func quoteLines() {
        let option = try! ProductOptionID(parsing: "00000000-0000-4000-8000-0000000000aa")
        let quote = Quote(opportunityID: OpportunityID(), lines: [
            QuoteLine(productID: a, selectedOptionIDs: [option], quantity: 3, unitPrice: Money(minorUnits: 1000, currency: .eur)),
        ])
        let expected: [UInt8] = [0x01] + RecordID(a).bytes + [0x01] + RecordID(option).bytes + [0x06, 0xD0, 0x0F]
        #expect(quote.fields[FieldID(3)] == .bytes(expected))
        #expect(Quote(opportunityID: OpportunityID()).fields[FieldID(4)] == .null)
    }

    @Test("user territories: count, then ids in order")
    func territoryIDs() {
        let t1 = TerritoryID(RecordID(a)), t2 = TerritoryID(RecordID(b))
        let user = User(name: "ana", displayName: "Ana", role: .manager, territoryIDs: [t2, t1])
        #expect(user.fields[FieldID(4)] == .bytes([0x02] + RecordID(b).bytes + RecordID(a).bytes))
    }
}
