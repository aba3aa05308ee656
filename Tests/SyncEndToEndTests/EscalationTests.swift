import FieldClient
import Foundation
import OutpostReplication
import Logging
import OutpostModel
import OutpostServer
import OutpostSQLite
import OutpostStore
import Synchronization
import Testing

@Suite("Escalations of quotes awaiting approval, on an injected clock", .serialized)
struct EscalationTests {
    /// A clock the test moves by hand.
    final class HandClock: Sendable {
        private let instant: Mutex<Date>
        init(_ start: Date) { instant = Mutex(start) }
        var now: Date { instant.withLock { $0 } }
        func advance(hours: Double) { instant.withLock { $0 = $0.addingTimeInterval(hours * 3600) } }
    }

    @Test("Past the threshold the approving manager gets a task on their device; past twice that, their manager too; each once")
    func approvalEscalates() async throws {
        try await LiveHub.with { hub in
            let shop = try await OrderDesk.installed(on: hub)
            let world = Territory(name: "World")
            let chief = User(name: "chief", displayName: "Chief Sales", role: .manager, territoryIDs: [world.id])
            var top = RecordBatch()
            top.territories = [world]
            top.users = [chief]
            try await hub.store.insert(top)
            try await hub.store.moveTerritory(hub.company.europe.id, under: world.id)

            let rep = try await hub.bootstrapped(hub.company.repNorth)
            let boss = try await hub.bootstrapped(hub.company.manager)
            let chiefDevice = try await hub.bootstrapped(chief)
            var quote = try shop.acceptedQuote(on: hub.company.opportunities[0], options: [shop.catalog.chassis, shop.catalog.fast],
                                               quantity: 1, pricedOn: rep)
            quote.status = .submitted
            try rep.create(quote)
            #expect(try await sync(rep).accepted == 1)

            let clock = HandClock(Date(timeIntervalSince1970: 1_796_000_000))
            var logger = Logger(label: "escalation-test")
            logger.logLevel = .critical
            let scanner = EscalationScanner(store: hub.store, policy: EscalationPolicy(approvalAfter: .seconds(24 * 3600)), logger: logger,
                                            now: { clock.now })
            #expect(try await scanner.scan().isEmpty, "the first scan starts the quote's clock")
            clock.advance(hours: 23.9)
            #expect(try await scanner.scan().isEmpty)
            clock.advance(hours: 0.1)
            let first = try await scanner.scan()
            #expect(first.map(\.level) == [1] && first.map(\.manager) == ["boss"] && first.first?.quoteID == quote.id)
            clock.advance(hours: 1)
            #expect(try await scanner.scan().isEmpty, "a level escalates once")

            _ = try await sync(boss)
            let tasks = try boss.records(of: .activity).compactMap { try $0.decoded() as? Activity }.filter { $0.kind == .task }
            #expect(tasks.map(\.ownerID) == [hub.company.manager.id])
            #expect(tasks.first?.subject == "Approve the quote on Deal 1" && tasks.first?.opportunityID == hub.company.opportunities[0].id)
            #expect(tasks.first?.notes?.contains(quote.id.description) == true)

            clock.advance(hours: 23)
            let second = try await scanner.scan()
            #expect(second.map(\.level) == [2] && second.map(\.manager) == ["chief"])
            _ = try await sync(chiefDevice)
            let chiefTasks = try chiefDevice.records(of: .activity).compactMap { try $0.decoded() as? Activity }.filter { $0.kind == .task }
            #expect(chiefTasks.contains { $0.ownerID == chief.id && $0.notes?.contains("first reminder") == true })
            clock.advance(hours: 100)
            #expect(try await scanner.scan().isEmpty, "nothing above the top manager")
        }
    }

    @Test("An order the desk has not accepted or rejected within the time is counted as overdue, and no longer once handled")
    func orderAwaitingDesk() async throws {
        try await LiveHub.with { hub in
            let shop = try await OrderDesk.installed(on: hub)
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            let desk = try await hub.bootstrapped(shop.desk)
            let quote = try shop.acceptedQuote(on: hub.company.opportunities[0], options: [shop.catalog.chassis, shop.catalog.small],
                                               quantity: 1, pricedOn: rep)
            try rep.create(quote)
            try OrderDesk.place(quote, on: rep)
            _ = try await sync(rep)
            let day: Duration = .seconds(24 * 3600)
            #expect(try await hub.store.ordersAwaitingDesk(now: Date(), after: day).isEmpty)
            let tomorrow = Date().addingTimeInterval(24 * 3600 + 60)
            #expect(try await hub.store.ordersAwaitingDesk(now: tomorrow, after: day).map(\.number.description) == ["SO-000001"])
            _ = try await sync(desk)
            try desk.move(try desk.order(named: "SO-000001"), to: .accepted)
            _ = try await sync(desk)
            #expect(try await hub.store.ordersAwaitingDesk(now: tomorrow, after: day).isEmpty)
        }
    }
}
