import Foundation
import GRDB
import HubCore
import MergeEngine
import OutpostModel
import OutpostReplication
@testable import OutpostSQLite
import OutpostStore
import SodiumKit
import StoreTestSupport
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

    /// The bundle's retired field: a digest per member.
    static let retiredDigests = FieldID(3)

    @Test("A database from before bundles carried one digest signs every product again on opening, so devices can check it")
    func upgradeSignsEveryProductAgain() async throws {
        let folder = try ScratchFolder("outpost-store")
        defer { folder.remove() }
        let company = try SampleCompany()
        let path = folder.path("outpost.sqlite")
        let before = try #require(try await {
            let store = try SQLiteStore(path: path)
            try await store.insert(company.batch)
            return try await bundles(store).first
        }())
        // The file as an Outpost without the migration left it: the bundle's state also
        // holds the retired per-member digests (field 3), as bundles signed then did.
        let queue = try DatabaseQueue(path: path)
        let oldForm = try await queue.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v23-catalog-bundle-digest'")
            var stored = try #require(try ReplicaTable.load(db, CatalogBundle.recordID(forProduct: company.laptop.id)))
            let dot = Dot(replica: .hub, counter: stored.state.counter(of: .hub) + 1)
            stored.state.apply(Write(dot: dot, record: stored.state.id, context: stored.state.context,
                                     operation: .update(fields: [Self.retiredDigests: .bytes(Array(repeating: 7, count: 48))]),
                                     time: WallClock(milliseconds: 0)), stamp: dot)
            try ReplicaTable.save(db, stored)
            return stored.state
        }
        try queue.close()

        let reopened = try SQLiteStore(path: path)
        let state = try #require(try await reopened.writer.read { db in
            try ReplicaTable.load(db, CatalogBundle.recordID(forProduct: company.laptop.id))
        }).state
        #expect(state.view(policy: .updateWins).values[Self.retiredDigests] == nil,
                "the new bundle's state drops the retired digests, so devices are not sent them again")
        #expect(try oldForm.joined(with: state).view(policy: .updateWins).values[Self.retiredDigests] == nil,
                "a device holding the old state drops them when the new one arrives")
        let after = try #require(try await bundles(reopened).first)
        #expect(after.version > before.version, "the product is signed again under a new version")
        #expect(try await reopened.isSignedCatalogVersion(after.version))
        let members = CatalogBundle.members(of: company.laptop, options: try await reopened.productOptions(of: company.laptop.id),
                                            models: [company.model], priceBooks: try await reopened.priceBooks())
        try after.verify(members, publicKey: try Signing.PublicKey(try await reopened.catalogSigningPublicKey()))
    }
}
