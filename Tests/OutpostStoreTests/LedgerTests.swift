import Foundation
import HubCore
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostStore
import StoreTestSupport
import Testing

/// The hub's ledger keeps the same contract on every backend, and on PostgreSQL across
/// server instances: the same test code runs on SQLite and on PostgreSQL, with two
/// stores on one database standing for two instances.
@Suite("The hub's ledger, on each backend")
struct LedgerTests {
    @Test("A request counter is accepted once: the same counter sent at once to two instances advances it once",
          arguments: StoreBackend.allCases)
    func replayAcrossInstances(backend: StoreBackend) async throws {
        try await backend.withTwoInstances { first, second in try await Self.replay(first, second) }
    }

    static func replay<Store: HubStore>(_ first: Store, _ other: any HubStore) async throws {
        let (second, device) = try await enrolledPair(first, other)
        let now = Date()
        #expect(try await first.hubLedger.transaction { try $0.advanceCounter(device: device, to: 5, at: now) })
        #expect(try await !second.hubLedger.transaction { try $0.advanceCounter(device: device, to: 5, at: now) })
        #expect(try await !second.hubLedger.transaction { try $0.advanceCounter(device: device, to: 4, at: now) })
        for counter in UInt64(6)...15 {
            let accepted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for attempt in 0..<6 {
                    let ledger = attempt % 2 == 0 ? first.hubLedger : second.hubLedger
                    group.addTask { try await ledger.transaction { try $0.advanceCounter(device: device, to: counter, at: now) } }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(accepted == 1, "counter \(counter) was accepted \(accepted) times")
        }
        #expect(try await second.hubLedger.snapshot { try $0.device(number: device)?.lastCounter } == 15)
    }

    @Test("An enrolment code redeemed at once through two instances enrols one device; the other is told it was used",
          arguments: StoreBackend.allCases)
    func enrolmentCodeOnce(backend: StoreBackend) async throws {
        try await backend.withTwoInstances { first, second in try await Self.redeemOnce(first, second) }
    }

    static func redeemOnce<Store: HubStore>(_ first: Store, _ other: any HubStore) async throws {
        let second = try #require(other as? Store)
        let territory = Territory(name: "North")
        try await first.addTerritory(territory)
        let user = User(name: "ana", displayName: "Ana", role: .rep, territoryIDs: [territory.id])
        try await first.addUser(user)
        for round in 0..<5 {
            let hash = "code-\(round)"
            try await first.addEnrolmentCode(EnrolmentCode(codeHash: hash, userID: user.id, expiresAt: Date().addingTimeInterval(600)))
            let outcomes = try await withThrowingTaskGroup(of: StoreError.Code?.self) { group in
                for attempt in 0..<4 {
                    let store: Store = attempt % 2 == 0 ? first : second
                    group.addTask {
                        do { _ = try await store.enrolDevice(codeHash: hash, publicKey: [UInt8(attempt)], label: "phone", now: Date()) }
                        catch let error as StoreError { return error.code }
                        return nil
                    }
                }
                return try await group.reduce(into: [StoreError.Code?]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == nil }.count == 1)
            #expect(outcomes.filter { $0 == .enrolmentRefused }.count == 3)
        }
        #expect(try await second.devices().count == 5)
        #expect(Set(try await first.deviceNumbers().values) == Set(1...5))
    }

    @Test("Read-modify-write transactions from two instances at once serialise: none is lost",
          arguments: StoreBackend.allCases)
    func writesSerialise(backend: StoreBackend) async throws {
        try await backend.withTwoInstances { first, second in try await Self.serialise(first, second) }
    }

    static func serialise<Store: HubStore>(_ first: Store, _ other: any HubStore) async throws {
        let (second, device) = try await enrolledPair(first, other)
        let start = try await first.hubLedger.snapshot { try $0.currentSequence() }
        let stamps = try await withThrowingTaskGroup(of: UInt64.self) { group in
            for attempt in 0..<40 {
                let ledger = attempt % 2 == 0 ? first.hubLedger : second.hubLedger
                group.addTask {
                    try await ledger.transaction { ledger throws in
                        let applied = try ledger.device(number: device)?.appliedThrough ?? 0
                        try ledger.setAppliedThrough(applied + 1, device: device)
                        return try ledger.nextSequence()
                    }
                }
            }
            return try await group.reduce(into: [UInt64]()) { $0.append($1) }
        }
        #expect(try await first.hubLedger.snapshot { try $0.device(number: device)?.appliedThrough } == 40)
        #expect(stamps.sorted() == Array(start + 1...start + 40))
        #expect(try await second.hubLedger.snapshot { try $0.currentSequence() } == start + 40)
    }

    @Test("Order numbers taken by two instances at once are each handed out once", arguments: StoreBackend.allCases)
    func orderNumbers(backend: StoreBackend) async throws {
        try await backend.withTwoInstances { first, second in try await Self.numberOrders(first, second) }
    }

    static func numberOrders<Store: HubStore>(_ first: Store, _ other: any HubStore) async throws {
        let (second, number) = try await enrolledPair(first, other)
        let device = try #require(try await first.hubLedger.snapshot { try $0.device(number: number) }).device.id
        let numbers = try await withThrowingTaskGroup(of: Int.self) { group in
            for attempt in 0..<20 {
                let ledger = attempt % 2 == 0 ? first.hubLedger : second.hubLedger
                group.addTask {
                    try await ledger.transaction { ledger throws in
                        let order = Order(quoteID: EntityID<Quote>(), quoteHash: "hash-\(attempt)", status: .submitted)
                        let next = try ledger.lastOrderNumber() + 1
                        let seq = try ledger.nextSequence()
                        try ledger.recordOrderIntake(order, number: next, total: Money(minorUnits: 100, currency: try Currency(code: "EUR")),
                                                     placedBy: device, seq: seq, at: WallClock(date: Date()))
                        try ledger.appendOrderEvent(order, at: WallClock(date: Date()))
                        #expect(try ledger.orderNumber(quote: order.quoteID, hash: order.quoteHash) == next)
                        #expect(try ledger.orderStatus(order.id) == .submitted)
                        return next
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(numbers.sorted() == Array(1...20))
        #expect(try await second.hubLedger.snapshot { try $0.lastOrderNumber() } == 20)
    }

    @Test("A snapshot reads records by route and window, rerouted records with their departures, and the sequence it sees",
          arguments: StoreBackend.allCases)
    func recordsAndDepartures(backend: StoreBackend) async throws {
        try await backend.withHubStore { store in try await Self.records(store) }
    }

    static func records<Store: HubStore>(_ store: Store) async throws {
        let north = Territory(name: "North"), south = Territory(name: "South")
        try await store.addTerritory(north)
        try await store.addTerritory(south)
        let start = try await store.hubLedger.snapshot { try $0.currentSequence() }
        let accounts = [Account(territoryID: north.id, name: "A"), Account(territoryID: south.id, name: "B"),
                        Account(territoryID: north.id, name: "C")]
        let product = Product(sku: "P-1", name: "Pump", basePrice: Money(minorUnits: 1000, currency: try Currency(code: "EUR")))
        try await store.hubLedger.transaction { ledger throws in
            for account in accounts { try ledger.save(Self.stored(account, seq: try ledger.nextSequence(), territory: account.territoryID)) }
            try ledger.save(Self.stored(product, seq: try ledger.nextSequence(), territory: nil))
            // A rolled-back transaction's values are never seen.
        }
        await #expect(throws: LedgerRefusal.self) {
            try await store.hubLedger.transaction { ledger -> Void in
                _ = try ledger.nextSequence()
                throw LedgerRefusal("rolled back")
            }
        }
        try await store.hubLedger.snapshot { ledger throws in
            #expect(try ledger.currentSequence() == start + 4)
            #expect(try ledger.placement(of: accounts[1].recordID) == .territory(south.id))
            #expect(try ledger.placement(of: product.recordID) == .global)
            #expect(try ledger.placement(of: RecordID(AccountID())) == .unknown)
            #expect(try ledger.record(accounts[0].recordID)?.state == Self.stored(accounts[0], seq: start + 1, territory: north.id).state)
            let northAndGlobal = RecordSelection(territories: [north.id], includeGlobal: true)
            #expect(try ledger.records(northAndGlobal, after: start, through: nil, limit: 10).map(\.seq) == [start + 1, start + 3, start + 4])
            #expect(try ledger.records(northAndGlobal, after: start + 1, through: start + 3, limit: 10).map(\.seq) == [start + 3])
            #expect(try ledger.records(northAndGlobal, after: start, through: nil, limit: 2).map(\.seq) == [start + 1, start + 3])
            let kinds = RecordSelection(territories: [], includeGlobal: false, kinds: [.account])
            #expect(try ledger.records(kinds, after: start, through: nil, limit: 10).count == 3)
            #expect(try ledger.records(RecordSelection(territories: [], includeGlobal: false), after: 0, through: nil, limit: 10).isEmpty)
        }
        let moved = try await store.hubLedger.transaction { ledger throws in
            let seq = try ledger.nextSequence()
            try ledger.reroute(accounts[0].recordID, to: south.id, seq: seq)
            try ledger.addDeparture(accounts[0].recordID, from: north.id, seq: seq)
            return seq
        }
        try await store.hubLedger.snapshot { ledger throws in
            #expect(try ledger.departures(leaving: [north.id], after: start, through: moved) == [accounts[0].recordID])
            #expect(try ledger.departures(leaving: [north.id, south.id], after: start, through: moved).isEmpty)
            #expect(try ledger.departures(leaving: [north.id], after: moved, through: moved + 5).isEmpty)
            #expect(try ledger.record(accounts[0].recordID)?.territory == south.id)
        }
    }

    @Test("Outcomes and scopes are kept per device; outcomes below a counter are dropped", arguments: StoreBackend.allCases)
    func outcomesAndScopes(backend: StoreBackend) async throws {
        try await backend.withHubStore { store in try await Self.outcomes(store) }
    }

    static func outcomes<Store: HubStore>(_ store: Store) async throws {
        let device = try await enrol(store)
        let territories = try await store.territories().map(\.id)
        try await store.hubLedger.transaction { ledger throws in
            try ledger.saveOutcome(WriteOutcome(counter: 1, result: .accepted(stamp: 7)), device: device)
            try ledger.saveOutcome(WriteOutcome(counter: 2, result: .refused(.outOfScope, "not yours")), device: device)
            try ledger.saveOutcome(WriteOutcome(counter: 3, result: .accepted(stamp: 9)), device: device)
            try ledger.saveOutcome(WriteOutcome(counter: 3, result: .accepted(stamp: 10)), device: device)
            try ledger.dropOutcomes(device: device, below: 2)
            try ledger.addScope(ScopeVersion(version: 1, territories: Set(territories)), device: device)
            try ledger.addScope(ScopeVersion(version: 2, territories: []), device: device)
        }
        try await store.hubLedger.snapshot { ledger throws in
            #expect(try ledger.outcomes(device: device) == [WriteOutcome(counter: 2, result: .refused(.outOfScope, "not yours")),
                                                          WriteOutcome(counter: 3, result: .accepted(stamp: 10))])
            #expect(try ledger.latestScope(device: device) == ScopeVersion(version: 2, territories: []))
            #expect(try ledger.scope(device: device, version: 1) == Set(territories))
            #expect(try ledger.scope(device: device, version: 3) == nil)
        }
    }

    @Test("A projection the tables refuse is the write's refusal; nothing of it is kept, the rest of the transaction is",
          arguments: StoreBackend.allCases)
    func refusedProjection(backend: StoreBackend) async throws {
        try await backend.withHubStore { store in try await Self.project(store) }
    }

    static func project<Store: HubStore>(_ store: Store) async throws {
        let north = Territory(name: "North")
        try await store.addTerritory(north)
        let account = Account(territoryID: north.id, name: "Kept")
        let orphan = Contact(accountID: AccountID(), firstName: "No", lastName: "Account")
        try await store.hubLedger.transaction { ledger throws in
            try ledger.project(account, deleted: false, seq: try ledger.nextSequence())
            #expect(throws: LedgerRefusal.self) { try ledger.project(orphan, deleted: false, seq: try ledger.nextSequence()) }
            try ledger.project(Contact(accountID: account.id, firstName: "Has", lastName: "Account"), deleted: false,
                               seq: try ledger.nextSequence())
        }
        // The kept contact holds its account: the account cannot go, and the refusal says why.
        try await store.hubLedger.transaction { ledger throws in
            #expect(throws: LedgerRefusal.self) { try ledger.project(account, deleted: true, seq: try ledger.nextSequence()) }
        }
    }

    @Test("An account an import moves takes its contacts, opportunities and their quotes along, and departs its old territory",
          arguments: StoreBackend.allCases)
    func importedMove(backend: StoreBackend) async throws {
        try await backend.withHubStore { store in try await Self.importedMove(store) }
    }

    static func importedMove(_ store: some HubStore) async throws {
        let north = Territory(name: "North"), south = Territory(name: "South")
        let rep = User(name: "rep-\(UUID().uuidString.prefix(8).lowercased())", displayName: "Rep", role: .rep, territoryIDs: [north.id])
        let account = Account(territoryID: north.id, name: "Moving")
        let contact = Contact(accountID: account.id, firstName: "Jana", lastName: "Moving")
        let opportunity = Opportunity(accountID: account.id, ownerID: rep.id, name: "Line 2", stage: .prospecting,
                                      amount: .zero(.eur), closeDate: CalendarDay(daysSinceEpoch: 20_000))
        var batch = RecordBatch()
        (batch.territories, batch.users, batch.accounts) = ([north, south], [rep], [account])
        (batch.contacts, batch.opportunities) = ([contact], [opportunity])
        try await store.insert(batch)
        let quote = Quote(opportunityID: opportunity.id)
        try await store.hubLedger.transaction { ledger throws in
            try ledger.save(Self.stored(quote, seq: try ledger.nextSequence(), territory: north.id))
        }

        var moved = account
        moved.territoryID = south.id
        var update = RecordBatch()
        update.accounts = [moved]
        try await store.upsert(update)
        try await store.hubLedger.snapshot { ledger throws in
            for id in [account.recordID, contact.recordID, opportunity.recordID, quote.recordID] {
                #expect(try ledger.record(id)?.territory == south.id, "\(id) stayed in the old territory")
            }
            #expect(try ledger.departures(leaving: [north.id], after: 0, through: try ledger.currentSequence()) == [account.recordID])
        }
    }

    @Test("A record's children are the records stored with it as their parent, whatever their kind",
          arguments: StoreBackend.allCases)
    func childrenByParent(backend: StoreBackend) async throws {
        try await backend.withHubStore { store in try await Self.children(store) }
    }

    static func children<Store: HubStore>(_ store: Store) async throws {
        let north = Territory(name: "North")
        let account = Account(territoryID: north.id, name: "Parent")
        let contact = Contact(accountID: account.id, firstName: "Child", lastName: "One")
        let opportunity = Opportunity(accountID: account.id, ownerID: UserID(), name: "Child two", stage: .prospecting,
                                      amount: .zero(.eur), closeDate: CalendarDay(daysSinceEpoch: 20_000))
        let quote = Quote(opportunityID: opportunity.id)
        try await store.hubLedger.transaction { ledger throws in
            try ledger.save(Self.stored(account, seq: 1, territory: north.id))
            try ledger.save(Self.stored(contact, seq: 2, territory: north.id))
            try ledger.save(Self.stored(opportunity, seq: 3, territory: north.id))
            try ledger.save(Self.stored(quote, seq: 4, territory: north.id))
        }
        try await store.hubLedger.snapshot { ledger throws in
            #expect(Set(try ledger.children(of: account.recordID)) == [contact.recordID, opportunity.recordID])
            #expect(try ledger.children(of: opportunity.recordID) == [quote.recordID])
            #expect(try ledger.children(of: quote.recordID).isEmpty)
            #expect(try ledger.record(quote.recordID)?.parent == opportunity.recordID)
            #expect(try ledger.record(account.recordID)?.parent == nil)
        }
    }

    // MARK: Helpers

    /// The second instance as the first's type, and a device enrolled through the first:
    /// what the tests of two instances start from.
    static func enrolledPair<Store: HubStore>(_ first: Store, _ other: any HubStore) async throws -> (second: Store, device: UInt32) {
        (try #require(other as? Store), try await enrol(first))
    }

    /// Enrols a rep's device working a new territory; returns its number.
    static func enrol<Store: HubStore>(_ store: Store) async throws -> UInt32 {
        let territory = Territory(name: "T-\(UUID().uuidString.prefix(8))")
        try await store.addTerritory(territory)
        let user = User(name: "rep-\(UUID().uuidString.prefix(8).lowercased())", displayName: "Rep", role: .rep,
                        territoryIDs: [territory.id])
        return try await store.enrolDevice(for: user).number
    }

    /// The hub's own write of `record` at `seq`.
    static func stored(_ record: some ReplicatedRecord, seq: UInt64, territory: TerritoryID?) -> StoredRecord {
        StoredRecord(state: HubWrite.state(of: record, over: nil, stamp: seq, time: WallClock(milliseconds: 1_780_000_000_000)),
                     kind: type(of: record).kind, territory: territory, parent: record.route.parent?.id, seq: seq)
    }
}
