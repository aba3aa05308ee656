import Foundation
import OutpostModel
import OutpostStore
import StoreTestSupport
import Testing

/// The records (CRM, catalog, forecasts) behave the same on every backend: the same
/// test code runs on SQLite and on PostgreSQL.
@Suite("Record store, on each backend")
struct RecordStoreTests {
    /// A territory with a user, 1,200 accounts (more than one bulk statement's worth) and a contact each.
    static func company() -> RecordBatch {
        var batch = RecordBatch()
        let territory = Territory(name: "Bavaria")
        batch.territories = [territory]
        batch.users = [User(name: "rep", displayName: "Rep", role: .rep, territoryIDs: [territory.id])]
        batch.accounts = (0..<1_200).map { Account(territoryID: territory.id, name: "Account \($0)", city: "Town \($0 % 7)") }
        batch.contacts = batch.accounts.map { Contact(accountID: $0.id, firstName: "Jana", lastName: $0.name) }
        return batch
    }

    @Test("A batch reads back as written; an upsert changes a record in place and leaves the rest", arguments: StoreBackend.allCases)
    func roundTrip(backend: StoreBackend) async throws {
        try await backend.withRecords { store in
            let batch = Self.company()
            try await store.insert(batch)
            #expect(Set(try await store.accounts(in: nil)) == Set(batch.accounts))
            #expect(Set(try await store.contacts(of: nil)) == Set(batch.contacts))
            let counts = try await store.counts()
            #expect((counts.territories, counts.users, counts.accounts, counts.contacts) == (1, 1, 1_200, 1_200))

            var changed = batch.accounts[7]
            changed.city = "Passau"
            var update = RecordBatch()
            update.accounts = [changed]
            try await store.upsert(update)
            #expect(try await store.accounts(in: nil).first { $0.id == changed.id }?.city == "Passau")
            #expect(try await store.counts().accounts == 1_200)
        }
    }

    @Test("A record with a missing reference among many is named, and nothing of its batch is written", arguments: StoreBackend.allCases)
    func missingReferenceNamed(backend: StoreBackend) async throws {
        try await backend.withRecords { store in
            var batch = Self.company()
            let orphan = Contact(accountID: AccountID(), firstName: "Nobody", lastName: "Orphan")
            batch.contacts.insert(orphan, at: 600)
            await #expect { try await store.insert(batch) } throws: { error in
                let error = error as? StoreError
                return error?.code == .missingReference && error?.message.contains("contact \(orphan.id)") == true
                    && error?.message.hasSuffix("nothing from the batch of \(batch.count) records was written") == true
            }
            let counts = try await store.counts()
            #expect(counts == RecordCounts())
        }
    }

    @Test("A taken SKU among many products is named with its record, and nothing of its batch is written", arguments: StoreBackend.allCases)
    func duplicateNamed(backend: StoreBackend) async throws {
        try await backend.withRecords { store in
            var batch = RecordBatch()
            batch.products = (0..<600).map { Product(sku: "SKU-\($0)", name: "Product \($0)", basePrice: Money(minorUnits: 100, currency: .eur)) }
            batch.products[300].sku = "SKU-10"
            await #expect { try await store.insert(batch) } throws: { error in
                let error = error as? StoreError
                return error?.code == .duplicate
                    && error?.message.hasPrefix(#"product \#(batch.products[300].id): SKU "SKU-10" is already taken by another product"#) == true
            }
            let products = try await store.products()
            #expect(products.isEmpty)
        }
    }

    @Test("A product with options, a price book and a rule model read back as written", arguments: StoreBackend.allCases)
    func catalog(backend: StoreBackend) async throws {
        try await backend.withRecords { store in
            let dock = Product(sku: "DOCK-TB4", name: "Thunderbolt Dock", basePrice: Money(minorUnits: 24_900, currency: .eur))
            let option = ProductOption(productID: dock.id, code: "psu-180w", name: "180 W supply", price: Money(minorUnits: 3_950, currency: .eur),
                                       variable: 1)
            let book = PriceBook(name: "Standard EUR", currency: .eur, entries: [dock.id: Money(minorUnits: 22_900, currency: .eur)])
            let model = ConfiguratorModel(productID: dock.id, variableCount: 2, clauses: [[1, -2], [2]])
            var batch = RecordBatch()
            batch.products = [dock]
            batch.productOptions = [option]
            batch.priceBooks = [book]
            batch.configuratorModels = [model]
            try await store.insert(batch)
            #expect(try await store.products() == [dock])
            #expect(try await store.productOptions(of: dock.id) == [option])
            #expect(try await store.priceBooks() == [book])
            #expect(try await store.configuratorModel(of: dock.id) == model)
        }
    }
}
