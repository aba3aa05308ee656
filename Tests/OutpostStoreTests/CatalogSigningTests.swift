import HubCore
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostSQLite
import OutpostStore
import SodiumKit
import Testing

@Suite("The server signs its catalog")
struct CatalogSigningTests {
    /// Every catalog bundle the store would send a device.
    func bundles(_ store: SQLiteStore) async throws -> [CatalogBundle] {
        let page = try await store.snapshot { try $0.records(RecordSelection(territories: [], includeGlobal: true), after: 0, through: nil, limit: 100_000) }
        return try page.filter { $0.state.type == ReplicatedKind.catalogBundle.typeID }.map { record in
            try CatalogBundle(recordID: record.state.id, fields: record.state.view(policy: .updateWins).values)
        }
    }

    @Test("A catalog batch gets one signed bundle per product, verifiable with the key enrolment hands out")
    func signsEachProduct() async throws {
        let company = try SampleCompany()
        let store = try await company.store()
        let keyBytes = try await store.catalogSigningPublicKey()
        #expect(try await store.catalogSigningPublicKey() == keyBytes, "one key, made once")
        let key = try Signing.PublicKey(keyBytes)

        let signed = try await bundles(store)
        #expect(signed.map(\.productID) == [company.laptop.id])
        let bundle = try #require(signed.first)
        let members = CatalogBundle.members(of: company.laptop, options: try await store.productOptions(of: company.laptop.id),
                                            models: [company.model], priceBooks: try await store.priceBooks())
        try bundle.verify(members, publicKey: key)
        #expect(try await store.isSignedCatalogVersion(bundle.version))
        #expect(try await !store.isSignedCatalogVersion(bundle.version + 1))

        // A new option re-signs the product's bundle under a higher version; the old one stays known.
        var more = RecordBatch()
        more.productOptions = [ProductOption(productID: company.laptop.id, code: "dock", name: "Dock", price: .zero(company.laptop.basePrice.currency))]
        try await store.insert(more)
        let resigned = try #require(try await bundles(store).first)
        #expect(resigned.version > bundle.version)
        #expect(resigned.memberCount == bundle.memberCount + 1)
        #expect(try await store.isSignedCatalogVersion(resigned.version))
        #expect(try await store.isSignedCatalogVersion(bundle.version))
    }
}
