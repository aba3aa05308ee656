import FieldClient
import Foundation
import MergeEngine
import OrderIntake
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostSQLite
import OutpostStore
import SyncListener
import TestSupport
import Testing

@Suite("Orders and the order desk, end to end", .serialized)
struct OrderTests {
    @Test("An order placed offline is re-priced, numbered, reaches the desk once, and the desk's moves reach the rep and the feed")
    func quoteToOrderToDesk() async throws {
        try await LiveHub.with { hub in
            let shop = try await OrderDesk.installed(on: hub)
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            let desk = try await hub.bootstrapped(shop.desk)
            #expect(try desk.counts()[.account] == nil, "the desk holds orders, not the territories' accounts")

            // Offline on the rep's device: an accepted quote and its order.
            let quote = try shop.acceptedQuote(on: hub.company.opportunities[0], options: [shop.catalog.chassis, shop.catalog.fast], quantity: 3, pricedOn: rep)
            try rep.create(quote)
            let placed = try OrderDesk.place(quote, on: rep)
            #expect(try rep.orders().map(\.label) == ["pending"])

            let pushed = try await sync(rep)
            #expect(pushed.accepted == 2 && pushed.rejected == 0)
            let numbered = try rep.order(named: placed.id.description).order
            #expect(numbered.number == OrderNumber(1) && numbered.total == Money(minorUnits: 3 * 141_900, currency: .eur))

            // The desk sees it once, accepts it; the rep learns of it.
            _ = try await sync(desk)
            let arrived = try desk.takeOrderChanges(feed: "orders")
            #expect(arrived.map(\.label) == ["SO-000001"] && arrived[0].order.status == .submitted)
            try desk.move(try desk.order(named: "SO-000001"), to: .accepted, note: "ships in week 49")
            #expect(throws: ReplicaError.self) { try desk.move(try desk.order(named: "SO-000001"), to: .submitted) }
            _ = try await sync(desk)
            #expect(try desk.takeOrderChanges(feed: "orders").map(\.order.status) == [.accepted])
            #expect(try desk.takeOrderChanges(feed: "orders").isEmpty, "the watch cursor moved past what was printed")
            _ = try await sync(rep)
            #expect(try rep.order(named: "SO-000001").order.status == .accepted)
            #expect(try rep.order(named: "SO-000001").order.deskNote == "ships in week 49")

            // A rep cannot move an order; the server says why.
            try rep.update(RecordID(placed.id), fields: [Order.kind.fieldID(named: "status")!: .string("fulfilled")])
            _ = try await sync(rep)
            #expect(try rep.rejectedWrites().last?.message.contains("only the order desk") == true)

            // The feed resumes from a cursor: each state once, in order.
            try desk.move(try desk.order(named: "SO-000001"), to: .fulfilled)
            _ = try await sync(desk)
            let first = try await feed(hub, after: 0, limit: 2)
            #expect(first.status.hasSuffix("200 OK"))
            let page = try JSONDecoder().decode(FeedJSON.self, from: first.body)
            #expect(page.orders.map(\.status) == ["submitted", "accepted"] && page.orders[0].number == "SO-000001")
            #expect(page.orders.map(\.note) == [nil, "ships in week 49"])
            #expect(page.orders[0].total == "4257.00" && page.orders[0].currency == "EUR")
            let rest = try JSONDecoder().decode(FeedJSON.self, from: try await feed(hub, after: page.next, limit: 100).body)
            #expect(rest.orders.map(\.status) == ["fulfilled"] && rest.orders[0].cursor > page.next)
            let after = try JSONDecoder().decode(FeedJSON.self, from: try await feed(hub, after: rest.next, limit: 100).body)
            #expect(after.orders.isEmpty && after.next == rest.next)
            #expect(try await feed(hub, after: 0, limit: 1, token: "wrong").status.hasSuffix("401 Unauthorized"))

            // A desk that loses a territory keeps every order (their quotes are never on it).
            try await hub.store.assign(shop.desk.id, to: [hub.company.south.id])
            _ = try await sync(desk)
            try await hub.store.assign(shop.desk.id, to: [])
            #expect(try await sync(desk).evicted > 0)
            #expect(try desk.orders().map(\.label) == ["SO-000001"])
        }
    }

    @Test("A push retried after a lost response, and the same quote version ordered from a second device, leave one order")
    func exactlyOnce() async throws {
        try await LiveHub.with { hub in
            let shop = try await OrderDesk.installed(on: hub)
            let proxy = try await CuttingProxy.start(upstreamPort: hub.listener.port)
            defer { Task { await proxy.shutdown() } }
            let endpoint = "tcp://127.0.0.1:\(proxy.port)"
            let rep = try await hub.enrol(hub.company.repNorth)
            let laptop = try await hub.enrol(hub.company.repNorth, name: "laptop")
            _ = try await sync(rep, endpoint: endpoint)
            let quote = try shop.acceptedQuote(on: hub.company.opportunities[0], options: [shop.catalog.chassis, shop.catalog.small], quantity: 1, pricedOn: rep)
            try rep.create(quote)
            _ = try await sync(rep, endpoint: endpoint)
            _ = try await sync(laptop)

            // Both devices order the quote offline.
            try OrderDesk.place(quote, on: rep)
            try OrderDesk.place(quote, on: laptop)

            // The response is lost after the server committed; the device sends it all again.
            proxy.cut(.downstream, after: 1)
            let retried = try await sync(rep, endpoint: endpoint)
            #expect(retried.exchanges == 2 && retried.accepted == 1)
            #expect(try rep.orders().map(\.label) == ["SO-000001"])

            let second = try await sync(laptop)
            #expect(second.rejected == 1)
            #expect(try laptop.rejectedWrites().last?.message.contains("already ordered as SO-000001") == true)
            #expect(try laptop.orders().map(\.label) == ["SO-000001"], "the refused order is gone, the real one arrived")
            #expect(try await hub.store.orders().map(\.number) == [OrderNumber(1)])
            #expect(try await hub.store.orderFeed(after: 0, limit: 100).events.count == 1)
        }
    }

    @Test("A tampered price or an invalid configuration is refused by the server, with the reason on the device")
    func tamperedPrice() async throws {
        try await LiveHub.with { hub in
            let shop = try await OrderDesk.installed(on: hub)
            let rep = try await hub.bootstrapped(hub.company.repNorth)

            var cheap = try shop.acceptedQuote(on: hub.company.opportunities[0], options: [shop.catalog.chassis, shop.catalog.fast], quantity: 1, pricedOn: rep)
            cheap.lines[0].unitPrice = Money(minorUnits: 99_900, currency: .eur)
            cheap.total = Money(minorUnits: 99_900, currency: .eur)
            try rep.create(cheap)
            try OrderDesk.place(cheap, on: rep)
            let both = try shop.acceptedQuote(on: hub.company.opportunities[1], options: [shop.catalog.chassis, shop.catalog.fast, shop.catalog.small], quantity: 1, pricedOn: rep)
            try rep.create(both)
            try OrderDesk.place(both, on: rep)

            let report = try await sync(rep)
            #expect(report.rejected >= 2)
            let reasons = try rep.rejectedWrites().map(\.message)
            #expect(reasons.contains { $0.contains("unit price of 999.00 EUR") && $0.contains("1419.00 EUR") })
            #expect(reasons.contains { $0.contains("not a valid configuration") })
            #expect(try await hub.store.orders().isEmpty)
        }
    }

    @Test("An account moved to another territory takes its quotes along: the new territory's rep receives them, the old one's no longer does")
    func movedAccountTakesQuotes() async throws {
        try await LiveHub.with { hub in
            var move = try await MovedAccount(hub)
            let boss = try await hub.bootstrapped(hub.company.manager)

            // The manager moves the quote's account to South; nobody touches the quote.
            let territoryField = try #require(ReplicatedKind.account.fieldID(named: "territory_id"))
            move.account.territoryID = hub.company.south.id
            try boss.update(RecordID(move.account.id), fields: [territoryField: try #require(move.account.fields[territoryField])])
            #expect(try await sync(boss).accepted == 1)

            try await move.expectMoved()
            let newcomer = try await hub.bootstrapped(hub.company.repNorth, name: "north-2")
            #expect(try newcomer.record(RecordID(move.quote.id)) == nil, "a new device of the old territory received the moved account's quote")
        }
    }

    @Test("An account an admin import moves to another territory takes its contacts and quotes along, and leaves the old territory's devices")
    func importedMoveTakesFamily() async throws {
        try await LiveHub.with { hub in
            var move = try await MovedAccount(hub)
            move.account.territoryID = hub.company.south.id
            var batch = RecordBatch()
            batch.accounts = [move.account]
            try await hub.store.upsert(batch)
            try await move.expectMoved()
        }
    }
}

/// A North account with a rep's draft quote on it, about to move to South; the North
/// and South reps' devices hold what their territories do.
private struct MovedAccount {
    let north: Replica
    let south: Replica
    var account: Account
    let contacts: [RecordID]
    let quote: Quote

    init(_ hub: LiveHub) async throws {
        let shop = try await OrderDesk.installed(on: hub)
        north = try await hub.bootstrapped(hub.company.repNorth)
        south = try await hub.bootstrapped(hub.company.repSouth)
        let account = hub.company.accounts(in: hub.company.north)[0]
        self.account = account
        contacts = hub.company.contacts.filter { $0.accountID == account.id }.map { RecordID($0.id) }
        let opportunity = try #require(hub.company.opportunities.first { $0.accountID == account.id })
        var quote = try shop.acceptedQuote(on: opportunity, options: [shop.catalog.chassis], quantity: 1, pricedOn: north)
        quote.status = .draft
        try north.create(quote)
        self.quote = quote
        #expect(try await sync(north).accepted == 1)
    }

    /// Syncs both reps and checks the account, its contacts and its quote left North's
    /// device and reached South's.
    func expectMoved() async throws {
        _ = try await sync(north)
        _ = try await sync(south)
        #expect(try north.record(RecordID(account.id)) == nil, "the old territory's device still holds the moved account")
        #expect(try contacts.allSatisfy { try north.record($0) == nil }, "the old territory's device still holds a moved contact")
        #expect(try north.record(RecordID(quote.id)) == nil, "the old territory's device still holds the moved account's quote")
        #expect(try south.record(RecordID(account.id)) != nil)
        #expect(Set(try south.records(of: .contact).map(\.id)).isSuperset(of: contacts))
        #expect(try south.record(RecordID(quote.id)) != nil, "the new territory's rep did not receive the moved account's quote")
    }
}
