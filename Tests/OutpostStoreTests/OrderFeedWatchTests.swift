import Foundation
import HubCore
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostStore
import StoreTestSupport
import Testing

/// A waiting order feed wakes when an order is taken: on PostgreSQL through
/// `LISTEN/NOTIFY` from another instance, on SQLite from its own commits.
@Suite("The order feed's watch, on each backend")
struct OrderFeedWatchTests {
    @Test("An order taken by another instance wakes the watch, and the feed then holds it", .timeLimit(.minutes(1)),
          arguments: StoreBackend.allCases)
    func orderWakesWatch(backend: StoreBackend) async throws {
        try await backend.withTwoInstances { first, second in
            // SQLite: one server serves a file, so the watch sees the commits of its own store.
            try await Self.wake(watching: first, writing: backend == .sqlite ? first : second)
        }
    }

    static func wake(watching watched: any HubStore, writing other: any HubStore) async throws {
        let feed = try #require(watched as? any OrderFeedStore)
        let (changes, continuation) = AsyncStream.makeStream(of: Void.self)
        let watch = Task { try await feed.watchOrderFeed { continuation.yield() } }
        defer { watch.cancel() }
        var wakes = changes.makeAsyncIterator()
        await wakes.next()  // The watch is in place.
        #expect(try await feed.orderFeed(after: 0, limit: 10).events.isEmpty)

        let order = try await Self.takeOrder(through: other)
        await wakes.next()
        let page = try await feed.orderFeed(after: 0, limit: 10)
        #expect(page.events.map(\.orderID) == [order.id])
        #expect(page.events.first?.number == OrderNumber(1))
        #expect(page.events.first?.status == .submitted)
    }

    /// Takes one order in through `store`'s ledger, as a sync's push does.
    static func takeOrder<Store: HubStore>(through store: Store) async throws -> Order {
        let number = try await LedgerTests.enrol(store)
        let device = try #require(try await store.hubLedger.snapshot { try $0.device(number: number) }).device.id
        let order = Order(quoteID: EntityID<Quote>(), quoteHash: "hash", status: .submitted)
        try await store.hubLedger.transaction { ledger throws in
            let seq = try ledger.nextSequence()
            try ledger.save(LedgerTests.stored(order, seq: seq, territory: nil))
            try ledger.recordOrderIntake(order, number: 1, total: Money(minorUnits: 100, currency: try Currency(code: "EUR")),
                                         placedBy: device, seq: seq, at: WallClock(date: Date()))
            try ledger.appendOrderEvent(order, at: WallClock(date: Date()))
        }
        return order
    }
}
