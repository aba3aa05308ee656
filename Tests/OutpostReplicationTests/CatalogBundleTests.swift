import MergeEngine
import OutpostModel
import SodiumKit
import Testing
import OutpostReplication

@Suite("Catalog bundles")
struct CatalogBundleTests {
    let product = Product(sku: "PC-1", name: "Office PC", basePrice: Money(minorUnits: 50_000, currency: .eur))
    let option: ProductOption
    let model: ConfiguratorModel
    let book: PriceBook

    init() {
        option = ProductOption(productID: product.id, code: "ssd", name: "SSD", price: Money(minorUnits: 9_000, currency: .eur), variable: 1)
        model = ConfiguratorModel(productID: product.id, variableCount: 1, clauses: [[1]])
        book = PriceBook(name: "Standard", currency: .eur, entries: [product.id: Money(minorUnits: 48_000, currency: .eur)])
    }

    func members(option: ProductOption? = nil, book: PriceBook? = nil) -> [any ReplicatedRecord] {
        CatalogBundle.members(of: product, options: [option ?? self.option], models: [model], priceBooks: [book ?? self.book])
    }

    @Test("A signed bundle verifies against the records it was made from")
    func verifies() throws {
        let key = try SigningKeyPair.generate()
        let options = [option], books = [book, PriceBook(name: "Other", currency: .usd)]
        let members = CatalogBundle.members(of: product, options: options, models: [model], priceBooks: books)
        #expect(members.map(\.recordID) == [product.recordID, options[0].recordID, model.recordID, books[0].recordID])
        let bundle = CatalogBundle.signed(productID: product.id, version: 7, members: members, key: key)
        #expect(bundle.memberCount == 4)
        try bundle.verify(members, publicKey: key.publicKey)
        // The members' digest does not depend on the order the device lists them in.
        try bundle.verify(members.reversed(), publicKey: key.publicKey)
        // The record round-trips through its replicated fields.
        #expect(try CatalogBundle(recordID: bundle.recordID, fields: bundle.fields) == bundle)
    }

    @Test("A changed, added or missing record is a mismatch")
    func tampered() throws {
        let key = try SigningKeyPair.generate()
        let members = members()
        let bundle = CatalogBundle.signed(productID: product.id, version: 7, members: members, key: key)
        var cheaper = option
        cheaper.price = Money(minorUnits: 1, currency: .eur)
        #expect(code { () throws(CatalogBundleError) in try bundle.verify(self.members(option: cheaper), publicKey: key.publicKey) } == .mismatch)
        let extra = ProductOption(productID: product.id, code: "gpu", name: "GPU", price: .zero(.eur))
        #expect(code { () throws(CatalogBundleError) in try bundle.verify(members + [extra], publicKey: key.publicKey) } == .mismatch)
        #expect(code { () throws(CatalogBundleError) in try bundle.verify(Array(members.dropLast()), publicKey: key.publicKey) } == .mismatch)
        // As many records as signed, but one swapped for another.
        #expect(code { () throws(CatalogBundleError) in try bundle.verify(Array(members.dropLast()) + [extra], publicKey: key.publicKey) } == .mismatch)
    }

    @Test("The mismatch says whether records are missing, extra or changed")
    func mismatchMessages() throws {
        let key = try SigningKeyPair.generate()
        let members = members()
        let bundle = CatalogBundle.signed(productID: product.id, version: 7, members: members, key: key)
        let extra = ProductOption(productID: product.id, code: "gpu", name: "GPU", price: .zero(.eur))
        #expect(message { () throws(CatalogBundleError) in try bundle.verify(Array(members.dropLast()), publicKey: key.publicKey) }
            == "1 of the 4 records of the signed bundle of product \(product.id) are missing")
        #expect(message { () throws(CatalogBundleError) in try bundle.verify(members + [extra], publicKey: key.publicKey) }
            == "1 records are not in the signed bundle of product \(product.id)")
        #expect(message { () throws(CatalogBundleError) in try bundle.verify(Array(members.dropLast()) + [extra], publicKey: key.publicKey) }
            == "the records of product \(product.id) differ from what the server signed")
    }

    @Test("A bundle's size does not grow with its product's options")
    func constantSize() throws {
        let key = try SigningKeyPair.generate()
        let options = (1...1_000).map {
            ProductOption(productID: product.id, code: "o\($0)", name: "Option \($0)", price: .zero(.eur), variable: $0)
        }
        let members = CatalogBundle.members(of: product, options: options, models: [model], priceBooks: [book])
        let bundle = CatalogBundle.signed(productID: product.id, version: 7, members: members, key: key)
        let bytes = bundle.fields.values.reduce(0) { total, value in
            if case .bytes(let bytes) = value { return total + bytes.count }
            return total + 8
        }
        #expect(bytes <= 16 + 8 + 64 + 8 + 32, "product id, version, signature, member count, members' digest")
        try bundle.verify(members, publicKey: key.publicKey)
    }

    @Test("A bundle signed with another key, or altered after signing, fails its signature")
    func forged() throws {
        let key = try SigningKeyPair.generate(), forger = try SigningKeyPair.generate()
        let members = members()
        let forged = CatalogBundle.signed(productID: product.id, version: 7, members: members, key: forger)
        #expect(code { () throws(CatalogBundleError) in try forged.verify(members, publicKey: key.publicKey) } == .badSignature)
        var bumped = CatalogBundle.signed(productID: product.id, version: 7, members: members, key: key)
        bumped.version = 8
        #expect(code { () throws(CatalogBundleError) in try bumped.verify(members, publicKey: key.publicKey) } == .badSignature)
    }

    @Test("Canonical bytes are deterministic and differ when any field differs")
    func canonical() {
        #expect(CatalogBundle.canonicalBytes(of: option) == CatalogBundle.canonicalBytes(of: option))
        var renamed = option
        renamed.name = "SSD 2"
        #expect(CatalogBundle.canonicalBytes(of: renamed) != CatalogBundle.canonicalBytes(of: option))
    }

    private func message(_ body: () throws(CatalogBundleError) -> Void) -> String? {
        do { try body() } catch { return error.message }
        return nil
    }

    private func code(_ body: () throws(CatalogBundleError) -> Void) -> CatalogBundleError.Code? {
        do { try body() } catch { return error.code }
        return nil
    }
}
