import Foundation
import OutpostModel
import OutpostStore
import OutpostSQLite
import Testing

@Suite("The server-wide change sequence")
struct ChangeSequenceTests {
    @Test func everyInsertTakesTheNextValue() async throws {
        let company = try SampleCompany()
        let store = try SQLiteStore.temporary()
        #expect(try await store.currentChangeSequence() == 0)
        try await store.insert(company.batch)
        let first = try await store.changes(since: 0)
        #expect(first.count == company.batch.count)
        #expect(first.map(\.changeSeq) == Array(1...Int64(company.batch.count)))
        #expect(Set(first.map(\.kind)) == ["territory", "user", "account", "contact", "lead", "opportunity", "activity",
                                           "product", "product_option", "price_book", "configurator_model",
                                           "forecast_submission"])
        // Parents take earlier values than their children.
        let order = first.map(\.id)
        #expect(order.firstIndex(of: company.world.id.description)! < order.firstIndex(of: company.bavaria.id.description)!)
        #expect(order.firstIndex(of: company.acme.id.description)! < order.firstIndex(of: company.carla.id.description)!)

        var more = RecordBatch()
        let extra = Account(territoryID: company.dach.id, name: "Later AG")
        more.accounts = [extra]
        // Then the server signs a catalog bundle of each product, each at the next value.
        let last = Int64(company.batch.count + company.batch.products.count)
        #expect(try await store.currentChangeSequence() == last)
        try await store.insert(more)
        #expect(try await store.changes(since: last) == [ChangedRecord(kind: "account", id: extra.id.description,
                                                                       changeSeq: last + 1)])
        #expect(try await store.currentChangeSequence() == last + 1)
    }

    @Test func updatesMoveARecordToTheEndOfTheFeed() async throws {
        let company = try SampleCompany()
        let store = try await company.store()
        let start = try await store.currentChangeSequence()
        try await store.moveTerritory(company.bavaria.id, under: company.emea.id)
        try await store.assign(company.ana.id, to: [company.world.id])
        let changes = try await store.changes(since: start)
        #expect(changes == [ChangedRecord(kind: "territory", id: company.bavaria.id.description, changeSeq: start + 1),
                            ChangedRecord(kind: "user", id: company.ana.id.description, changeSeq: start + 2)])
        // The record appears once, at its latest value.
        let all = try await store.changes(since: 0, limit: 10_000)
        #expect(all.filter { $0.id == company.bavaria.id.description }.map(\.changeSeq) == [start + 1])
        #expect(all.map(\.changeSeq) == all.map(\.changeSeq).sorted())
    }

    @Test func refusedWritesDoNotAdvanceTheSequence() async throws {
        let company = try SampleCompany()
        let store = try await company.store()
        let start = try await store.currentChangeSequence()
        var bad = RecordBatch()
        bad.accounts = [Account(territoryID: TerritoryID(), name: "Nowhere")]
        _ = await storeError { () async throws(StoreError) in try await store.insert(bad) }
        _ = await storeError { () async throws(StoreError) in try await store.moveTerritory(company.world.id, under: company.dach.id) }
        #expect(try await store.currentChangeSequence() == start)
        try await store.insert(RecordBatch())
        #expect(try await store.currentChangeSequence() == start, "an empty batch takes no value")
    }

    @Test func theFeedIsPagedByLimit() async throws {
        let company = try SampleCompany()
        let store = try await company.store()
        let page1 = try await store.changes(since: 0, limit: 5)
        let page2 = try await store.changes(since: page1.last!.changeSeq, limit: 5)
        #expect(page1.map(\.changeSeq) == [1, 2, 3, 4, 5])
        #expect(page2.map(\.changeSeq) == [6, 7, 8, 9, 10])
    }
}
