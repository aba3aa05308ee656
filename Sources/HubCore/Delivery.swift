public import MergeEngine
public import OutpostModel
import OutpostReplication

/// What a device receives in one step of a delivery: applied atomically together with
/// its cursor, so a transfer cut between steps resumes from the last whole one.
public struct DeliveryStep: Sendable, Equatable {
    /// The cursor the device reaches once the step is applied.
    public var cursor: DeviceCursor
    /// Territories and records that left the device's scope (their children go with them).
    public var evictions: [RecordID]
    /// Record states to join, each with where it routes.
    public var records: [RoutedState]
    /// The outcome of the request's writes: on the last step only.
    public var outcome: PushOutcome?
}

/// A record state and the route the device files it under.
public struct RoutedState: Sendable, Equatable {
    /// The state.
    public var state: RecordState
    /// Its routing territory (nil: global or routed by kind).
    public var territory: TerritoryID?
    /// The record it routes through, if it is routed as another record is.
    public var parent: RecordID?

    /// Creates a routed state.
    public init(state: RecordState, territory: TerritoryID?, parent: RecordID?) {
        self.state = state
        self.territory = territory
        self.parent = parent
    }
}

extension SyncHub {
    /// The delivery answering `request` after its push: evictions and backfill of a
    /// changed scope first, then every change in scope after the watermark (the
    /// device's own echoes left out), the outcome last.
    public func delivery(for request: DeviceRequest, report: PushReport) -> Delivery<Ledger> {
        var seen: [RecordID: UInt64] = [:]
        for write in request.writes {
            seen[write.record] = max(seen[write.record] ?? 0, write.context[ReplicaID.hub])
        }
        return Delivery(ledger: ledger, device: request.device.replica, batchSize: batchSize, request: request.cursor, report: report,
                        seen: seen)
    }
}

/// The steps of one response, read from the ledger page by page as the transport
/// takes them (see ``SyncHub/delivery(for:report:)``).
public struct Delivery<Ledger: SyncLedger>: Sendable {
    let ledger: Ledger
    let device: ReplicaID
    let batchSize: Int
    /// The cursor as of the steps delivered so far.
    private var cursor: DeviceCursor
    /// The watermark the request came with.
    private let requestWatermark: UInt64
    /// The device's current territories.
    private let scope: Set<TerritoryID>
    private let kindsEverywhere: Set<ReplicatedKind>
    /// Territories to backfill (below the watermark), when the scope grew.
    private let added: Set<TerritoryID>
    /// Territories the device surely held whole when it sent the request.
    private let heldWhole: Set<TerritoryID>
    /// Where each record the request wrote was before it (see ``PushReport/placementsBefore``).
    private let placementsBefore: [RecordID: RecordPlacement]
    /// The scope version being backfilled, if the scope changed.
    private let backfillTarget: UInt64?
    private var backfillPosition: UInt64
    /// Territories to evict, sent once on the next step.
    private var evictions: [TerritoryID]
    private let outcome: PushOutcome
    /// Records of the device's accepted writes: the device files them on the last step.
    private let acceptedRecords: Set<RecordID>
    /// For each record the request writes, the newest hub change its writes had seen.
    private let seen: [RecordID: UInt64]
    private var phase = Phase.backfill
    /// The first step, when it was read inside the push's transaction.
    private var readAhead: DeliveryStep?
    /// Record states delivered so far.
    public private(set) var recordsSent = 0

    private enum Phase { case backfill, changes, done }

    init(ledger: Ledger, device: ReplicaID, batchSize: Int, request: DeviceCursor, report: PushReport, seen: [RecordID: UInt64]) {
        self.ledger = ledger
        self.seen = seen
        self.device = device
        self.batchSize = batchSize
        cursor = request
        requestWatermark = request.watermark
        scope = report.scope.territories
        kindsEverywhere = report.kindsEverywhere
        outcome = report.outcome
        acceptedRecords = report.acceptedRecords
        placementsBefore = report.placementsBefore
        guard request.scopeVersion != report.scope.version || request.backfill != nil else {
            added = []
            heldWhole = scope
            backfillTarget = nil
            backfillPosition = 0
            evictions = []
            phase = .changes
            return
        }
        // What the device may hold: its old scope, plus whatever of a backfill target it
        // had started; what it surely holds whole: the old scope minus anything a
        // previous, different target evicted.
        let old = report.scopes[request.scopeVersion] ?? []
        var held = old
        var whole = old
        var position: UInt64 = 0
        if let backfill = request.backfill {
            let target = report.scopes[backfill.target] ?? []
            held.formUnion(target)
            whole.formIntersection(target)
            if backfill.target == report.scope.version {
                position = backfill.position
                whole = old.intersection(target)
            }
        }
        added = scope.subtracting(whole)
        // What this response evicts is not held once the device files its acks.
        heldWhole = whole.intersection(scope)
        backfillTarget = report.scope.version
        backfillPosition = position
        evictions = held.subtracting(scope).sorted { RecordID($0) < RecordID($1) }
        cursor.backfill = nil
    }

    /// Whether the last step has been delivered (``next()`` returns `nil` from now on).
    public var isFinished: Bool { phase == .done && readAhead == nil }

    /// The next step, or `nil` after the last: the one read ahead with the push, if
    /// any, else read on a snapshot of its own.
    public mutating func next() async throws -> DeliveryStep? {
        if let step = readAhead {
            readAhead = nil
            return step
        }
        guard phase != .done else { return nil }
        let current = self
        let (advanced, step) = try await ledger.snapshot { ledger in
            var delivery = current
            let step = try delivery.next(reading: ledger)
            return (delivery, step)
        }
        self = advanced
        return step
    }

    /// Reads the first step inside `ledger`, the push's own transaction, for ``next()``
    /// to return, when the request is a steady sync's (it has received before and its
    /// scope is unchanged): such a sync then takes one transaction instead of two. A
    /// bootstrap's or a backfill's first page (up to a whole batch) is left to ``next()``,
    /// so that reading it does not hold the writer, and every other device's commit.
    mutating func readFirstStep(in ledger: Ledger.Transaction) throws {
        guard phase == .changes, requestWatermark > 0 else { return }
        readAhead = try next(reading: ledger)
    }

    /// The next step, read from `ledger`.
    private mutating func next(reading ledger: Ledger.Transaction) throws -> DeliveryStep? {
        if phase == .backfill, let step = try nextBackfill(ledger) { return step }
        guard phase == .changes else { return nil }
        return try nextChanges(ledger)
    }

    /// A page of the territories the scope gained, up to the watermark; `nil` once done.
    private mutating func nextBackfill(_ ledger: Ledger.Transaction) throws -> DeliveryStep? {
        guard let target = backfillTarget else {
            phase = .changes
            return nil
        }
        let selection = RecordSelection(territories: added, includeGlobal: false)
        let (after, through, limit) = (backfillPosition, cursor.watermark, batchSize)
        let page = selection.isEmpty ? [] : try ledger.records(selection, after: after, through: through, limit: limit)
        guard let last = page.last else {
            finishBackfill(target)
            return nil
        }
        backfillPosition = last.seq
        cursor.backfill = (target, last.seq)
        let step = DeliveryStep(cursor: cursor, evictions: takeEvictions(), records: page.map(Self.routed), outcome: nil)
        recordsSent += page.count
        if page.count < batchSize { finishBackfill(target) }
        return step
    }

    private mutating func finishBackfill(_ target: UInt64) {
        cursor = DeviceCursor(watermark: cursor.watermark, scopeVersion: target)
        phase = .changes
    }

    /// Changes in scope after the watermark. Each step also names the records that
    /// left the scope within the watermarks it advances over, so a transfer cut
    /// between steps still delivers every departure.
    private mutating func nextChanges(_ ledger: Ledger.Transaction) throws -> DeliveryStep {
        let selection = RecordSelection(territories: scope, includeGlobal: true, kinds: kindsEverywhere)
        let previous = cursor.watermark
        let page = try ledger.records(selection, after: previous, through: nil, limit: batchSize)
        let final = page.count < batchSize
        let watermark = final ? max(page.last?.seq ?? 0, try ledger.currentSequence(), previous) : page[page.count - 1].seq
        var departed = requestWatermark == 0 ? [] : try ledger.departures(leaving: scope, after: previous, through: watermark)
        // A write accepted while its record was in scope, acknowledged only now that
        // the record has left it (the first answer was lost): the device files it
        // from the ack, then evicts it.
        if final {
            departed += try acceptedRecords.sorted().filter { id in
                guard let record = try ledger.record(id), !selection.picks(record) else { return false }
                return true
            }
        }
        // An own echo is left out only where the device holds the record's earlier
        // history: not in a territory this response adds to its scope, and only if the
        // record was where the device held it whole before the request.
        let records = page.filter { record in
            record.territory.map(added.contains) == true || !heldBeforeRequest(record)
                || !Self.isOwnEcho(record.state, device: device, above: requestWatermark, seen: seen[record.state.id])
        }.map(Self.routed)
        recordsSent += records.count
        cursor.watermark = watermark
        if final { phase = .done }
        return DeliveryStep(cursor: cursor, evictions: takeEvictions() + departed, records: records, outcome: final ? outcome : nil)
    }

    /// Whether the device held `record` before its request's writes: created by them,
    /// global, of a kind it receives everywhere, or in a territory it held whole. A
    /// record evicted while the device's write to it was pending is not held.
    private func heldBeforeRequest(_ record: StoredRecord) -> Bool {
        switch placementsBefore[record.state.id] {
        case nil: false
        case .unknown, .global: true
        case .territory(let territory): heldWhole.contains(territory) || kindsEverywhere.contains(record.kind)
        }
    }

    private mutating func takeEvictions() -> [RecordID] {
        defer { evictions = [] }
        return evictions.map { RecordID($0) }
    }

    private static func routed(_ record: StoredRecord) -> RoutedState {
        RoutedState(state: record.state, territory: record.territory, parent: record.parent)
    }

    /// Whether every change to `state` after `watermark` is `device`'s own write, made
    /// having seen every other change (`seen`: the newest hub change the device's
    /// writes to it had seen; nil: the request does not write it): the device rebuilds
    /// such a state from its base, its write and the ack, so it is not sent. A write
    /// that had not seen the whole record (a write to a record the device never
    /// received, or over a change it has not received yet) gets the record sent.
    static func isOwnEcho(_ state: RecordState, device: ReplicaID, above watermark: UInt64, seen: UInt64?) -> Bool {
        guard let seen else { return false }
        let hub = ReplicaID.hub
        let entries: [(Dot, ReplicaID)] = state.existence.map { ($0.stamp, $0.origin) }
            + state.fields.flatMap { $0.siblings.map { ($0.stamp, $0.origin) } }
        let isOwnRecent = { (entry: (Dot, ReplicaID)) in entry.0.replica == hub && entry.0.counter > watermark && entry.1 == device }
        let recent = entries.filter { $0.0.replica != hub || $0.0.counter > watermark }
        return !recent.isEmpty && recent.allSatisfy(isOwnRecent)
            && state.context.entries.allSatisfy { $0.replica == hub }
            && entries.allSatisfy { isOwnRecent($0) || $0.0.counter <= seen }
    }
}
