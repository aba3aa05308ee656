import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostSQLite
import OutpostStore
import Pricing
import Testing

/// A small configurable catalog for ``TestCompany``'s product: a chassis always included,
/// exactly one of two disks, Wi-Fi only with the fast disk; slab tiers from 10 units and
/// a 15 % approval threshold in a EUR price book.
struct TestCatalog {
    let chassis, fast, small, wifi: ProductOption
    let book: PriceBook
    let batch: RecordBatch

    init(product: Product) {
        let option = { (variable: Int, code: String, name: String, euros: Int64) in
            ProductOption(productID: product.id, code: code, name: name, price: Money(minorUnits: euros * 100, currency: .eur), variable: variable)
        }
        chassis = option(1, "chassis", "Chassis", 0)
        fast = option(2, "ssd-fast", "Fast SSD", 120)
        small = option(3, "ssd-small", "Small SSD", 40)
        wifi = option(4, "wifi", "Wi-Fi", 30)
        book = PriceBook(name: "Standard EUR", currency: .eur, entries: [product.id: product.basePrice],
                         tiers: [product.id: VolumeSchedule(kind: .slab, tiers: [
                             VolumeTier(fromQuantity: 1, discountBasisPoints: 0), VolumeTier(fromQuantity: 10, discountBasisPoints: 500),
                         ])],
                         approvalThresholdBasisPoints: 1_500)
        var batch = RecordBatch()
        batch.productOptions = [chassis, fast, small, wifi]
        batch.configuratorModels = [ConfiguratorModel(productID: product.id, variableCount: 4, clauses: [[1], [2, 3], [-2, -3], [-4, 2]])]
        batch.priceBooks = [book]
        self.batch = batch
    }
}

@Suite("Configure, quote and order offline, end to end", .serialized)
struct QuoteToOrderTests {
    @Test("configure explains forced and excluded options, prices them, and names what to undo")
    func configure() async throws {
        try await LiveHub.with { hub in
            let catalog = TestCatalog(product: hub.company.product)
            try await hub.store.insert(catalog.batch)
            let rep = try await hub.bootstrapped(hub.company.repNorth)

            let local = try rep.catalog()
            let product = try local.product("pc-1")
            let configurator = try ProductConfigurator(catalog: local, product: product)
            let outcome = try configurator.configure(select: ["Wi-Fi"], deselect: [], priceBook: try local.priceBook(nil, for: product))
            let states = Dictionary(uniqueKeysWithValues: outcome.options.map { ($0.code, $0.state) })
            #expect(states == ["chassis": .forced, "ssd-fast": .forced, "ssd-small": .excluded, "wifi": .selected])
            #expect(outcome.valid && outcome.complete)
            #expect(outcome.price?.amount == "1449.00" && outcome.price?.currency == "EUR" && outcome.price?.priceBook == "Standard EUR")
            let why = try #require(outcome.options.first { $0.code == "ssd-small" }?.reasons.first)
            #expect(why.contains("“Wi-Fi” requires “Fast SSD”"))

            let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(outcome)) as? [String: Any]
            #expect(Set(json?.keys ?? [:].keys) == ["valid", "complete", "price", "options"])
            let first = (json?["options"] as? [[String: Any]])?.first
            #expect(Set(first?.keys ?? [:].keys) == ["id", "name", "state", "reasons"])

            let clash = try configurator.configure(select: ["wifi", catalog.small.id.description], deselect: [], priceBook: nil)
            #expect(!clash.valid && clash.price == nil)
            #expect(clash.options.filter { !$0.reasons.isEmpty }.map(\.code) == ["wifi"], "undo the earliest of the clashing choices")
            #expect(clash.conflict?.contains("To go on, undo choosing “Wi-Fi”") == true)
            #expect(throws: ReplicaError.self) { try configurator.configure(select: ["no-such-option"], deselect: [], priceBook: nil) }

            // A quote line leaves open options out, but never lets the rules pick a disk for the rep.
            #expect(try Set(configurator.completion(select: ["wifi"], deselect: [])) == [catalog.chassis.id, catalog.fast.id, catalog.wifi.id])
            #expect(throws: ReplicaError.self) { try configurator.completion(select: [], deselect: []) }
            #expect(try configurator.completion(select: ["ssd-small"], deselect: []).count == 2)
        }
    }

    @Test("a quote over the threshold needs a manager; accepted offline, its order reaches the hub once")
    func quoteToOrder() async throws {
        try await LiveHub.with { hub, company in
            let catalog = TestCatalog(product: company.product)
            try await hub.store.insert(catalog.batch)
            let rep = try await hub.bootstrapped(company.repNorth)
            let manager = try await hub.bootstrapped(company.manager)

            // Offline on the rep's device: draft, configure 12 units, 20 % off, submit.
            let opportunity = try #require(company.opportunities.first { $0.ownerID == company.repNorth.id })
            let quote = try rep.newQuote(opportunity: opportunity.id.description)
            let name = ShortID.of(quote.id.description)
            let (configured, priced) = try rep.configureQuote(name, product: "PC-1", select: ["wifi"], deselect: [], quantity: 12, priceBook: nil)
            // 1449.00 a unit; slab: 9 at list, 3 at 5 % off (1376.55) → 13,041.00 + 4,129.65.
            #expect(priced.subtotal == Money(minorUnits: 1_717_065, currency: .eur))
            #expect(configured.lines.first?.selectedOptionIDs.count == 3)
            #expect(configured.bundleVersion > 0)
            try rep.priceQuote(name, discountBasisPoints: 2_000)
            let (submitted, _) = try rep.submitQuote(name)
            #expect(submitted.status == .submitted)
            #expect(throws: ReplicaError.self) { try rep.approveQuote(name) }
            #expect(throws: ReplicaError.self) { try rep.acceptQuote(name) }
            let pushed = try await sync(rep)
            let refusals = try rep.rejectedWrites().map(\.message)
            #expect(pushed.rejected == 0, "\(refusals)")

            // The manager approves on their own device.
            _ = try await sync(manager)
            #expect(try manager.approveQuote(name).approvedBy == company.manager.id)
            _ = try await sync(manager)

            // Back on the rep's device: accept and order offline, then one sync.
            _ = try await sync(rep)
            #expect(try rep.acceptQuote(name).status == .accepted)
            let order = try rep.placeOrder(quote: name)
            #expect(throws: ReplicaError.self) { try rep.placeOrder(quote: name) }
            let report = try await sync(rep)
            #expect(report.rejected == 0)
            #expect(try rep.rejectedWrites().isEmpty)

            _ = try await sync(manager)
            let orders = try manager.orders().map(\.order)
            #expect(orders.map(\.id) == [order.id])
            #expect(orders.first?.number == OrderNumber(1), "the hub took the order in and numbered it")
            let accepted = try manager.quote(name)
            #expect(accepted.status == .accepted && accepted.total == Money(minorUnits: 1_373_652, currency: .eur))
            #expect(orders.first?.quoteHash.count == 64)
        }
    }
}
