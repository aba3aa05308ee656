import Foundation
import Logging
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostSQLite
import SodiumKit
import SyncChannel

extension SyncService {
    /// Handles a sync request: authenticate, turn away replays, charge the device's
    /// request rate and check its number of writes (a revoked device skips both: it is
    /// told to wipe), apply the pushed writes (one transaction), then stream what the device lacks as sealed frames: evictions
    /// and backfill of a changed scope first, then changes since its watermark, and
    /// last the outcome of its writes.
    func sync(_ bytes: [UInt8], send: @escaping @Sendable ([UInt8]) async throws -> Void) async throws {
        let sealed = try SealedRequest(parsing: bytes)
        guard let device = try await store.syncDevice(number: sealed.device), let publicKey = device.device.publicKey else {
            throw ProtocolError(.unknownDevice, "device \(sealed.device) is not enrolled at this server; enrol it with outpost enrol")
        }
        let session = try KeyExchange.sessionKeys(server: keys, clientPublicKey: try .init(publicKey))
        let replica = ReplicaID(sealed.device)
        let plaintext = try sealed.open(key: session.receive)
        // A replayed request is turned away before it costs its device a token, so a
        // captured request cannot be used to lock the device out.
        guard sealed.counter > device.lastCounter else { throw Self.replay(sealed, last: device.lastCounter) }
        let revoked = device.device.isRevoked
        if !revoked, let wait = rateLimiter.admit(device: sealed.device) {
            throw ProtocolError(.rateLimited, "device \(sealed.device) sent more than \(limits.burst) sync requests in a row; "
                + "nothing was applied, sync again in \(Self.seconds(wait)) s")
        }
        let request = try SyncRequest(decoding: plaintext, device: replica, hub: HubReplica.id)
        guard revoked || request.writes.count <= limits.maxWritesPerRequest else {
            throw ProtocolError(.oversized, "the sync request carries \(request.writes.count) writes; this server takes at most "
                + "\(limits.maxWritesPerRequest) per request (the oldest pending first); nothing was applied")
        }
        var frames = FrameSender(counter: sealed.counter, key: session.transmit, request: request.cursor, send: send)
        let report: PushReport
        do {
            report = try await store.processPush(
                device: sealed.device, counter: sealed.counter, writes: request.writes,
                versions: [request.cursor.scopeVersion] + (request.cursor.backfill.map { [$0.target] } ?? []), now: Date())
        } catch PushRefusal.replayed(let last) {
            throw Self.replay(sealed, last: last)
        } catch PushRefusal.revoked {
            logger.notice("revoked device told to wipe", metadata: ["device": "\(sealed.device)"])
            try await frames.send(SyncResponseFrame(cursor: request.cursor, wipe: true))
            return
        } catch PushRefusal.unknownDevice {
            throw ProtocolError(.unknownDevice, "device \(sealed.device) is not enrolled at this server")
        }
        metrics?.count(report)
        var plan = StreamPlan(request: request.cursor, report: report)
        try await backfill(&plan, frames: &frames)
        try await changes(&plan, device: replica, frames: &frames)
        metrics?.recordsSent(plan.recordsSent)
        logger.info("synced", metadata: [
            "device": "\(sealed.device)", "accepted": "\(report.accepted)", "refused": "\(report.refused)",
            "frames": "\(frames.index)", "records": "\(plan.recordsSent)",
        ])
    }

    /// The refusal of a request whose counter is not above `last`.
    static func replay(_ sealed: SealedRequest, last: UInt64) -> ProtocolError {
        ProtocolError(.replayed, "request \(sealed.counter) of device \(sealed.device) repeats an old counter (last accepted \(last)); refused as a replay")
    }

    /// Whole seconds, rounded up, for a message.
    static func seconds(_ duration: Duration) -> Int64 {
        duration.components.seconds + (duration.components.attoseconds > 0 ? 1 : 0)
    }

    /// Sends the records of territories the scope gained, up to the device's watermark.
    private func backfill(_ plan: inout StreamPlan, frames: inout FrameSender) async throws {
        guard let target = plan.backfillTarget else { return }
        while true {
            let page = try await store.replicaPage(territories: plan.added, includeGlobal: false, after: plan.backfillPosition,
                                                   through: plan.cursor.watermark, limit: batchSize)
            guard let last = page.records.last else { break }
            plan.backfillPosition = last.seq
            plan.cursor.backfill = .init(target: target, position: last.seq)
            try await frames.send(SyncResponseFrame(cursor: plan.cursor, evictions: plan.takeEvictions(), records: page.records.map(\.state)))
            plan.recordsSent += page.records.count
            if page.records.count < batchSize { break }
        }
        plan.cursor = SyncCursor(watermark: plan.cursor.watermark, scopeVersion: target)
    }

    /// Sends changes in scope after the watermark, then the final frame. Each frame
    /// also names the records that left the scope within the watermarks it advances
    /// over, so a transfer cut between frames still delivers every departure.
    private func changes(_ plan: inout StreamPlan, device: ReplicaID, frames: inout FrameSender) async throws {
        let requestWatermark = plan.cursor.watermark
        while true {
            let page = try await store.replicaPage(territories: plan.scope, includeGlobal: true, kinds: plan.kindsEverywhere,
                                                   after: plan.cursor.watermark, through: nil, limit: batchSize)
            let records = page.records.map(\.state).filter { !Self.isOwnEcho($0, device: device, above: requestWatermark) }
            plan.recordsSent += records.count
            let previous = plan.cursor.watermark
            let final = page.records.count < batchSize
            plan.cursor.watermark = final ? max(page.records.last?.seq ?? 0, page.currentSeq, previous) : page.records.last!.seq
            let departed = requestWatermark == 0 ? []
                : try await store.departures(leaving: plan.scope, after: previous, through: plan.cursor.watermark)
            try await frames.send(SyncResponseFrame(cursor: plan.cursor, evictions: plan.takeEvictions() + departed, records: records,
                                                    outcome: final ? plan.outcome : nil))
            if final { return }
        }
    }

    /// Whether every change to `state` after `watermark` is `device`'s own write: the
    /// device rebuilds such a state from its write and the ack, so it is not sent.
    static func isOwnEcho(_ state: RecordState, device: ReplicaID, above watermark: UInt64) -> Bool {
        let hub = HubReplica.id
        let entries: [(Dot, ReplicaID)] = state.existence.map { ($0.stamp, $0.origin) }
            + state.fields.flatMap { $0.siblings.map { ($0.stamp, $0.origin) } }
        let recent = entries.filter { $0.0.replica != hub || $0.0.counter > watermark }
        return !recent.isEmpty && recent.allSatisfy { $0.0.replica == hub && $0.1 == device }
            && state.context.entries.allSatisfy { $0.replica == hub }
    }
}

/// Seals and numbers the frames of one response.
struct FrameSender {
    let sealer: ResponseFrames.Sealer
    let request: SyncCursor
    let send: @Sendable ([UInt8]) async throws -> Void
    private(set) var index: UInt32 = 0

    init(counter: UInt64, key: AEAD.Key, request: SyncCursor, send: @escaping @Sendable ([UInt8]) async throws -> Void) {
        sealer = ResponseFrames.Sealer(counter: counter, key: key)
        self.request = request
        self.send = send
    }

    /// Seals `frame` and hands it on; returns once the transport has taken it.
    mutating func send(_ frame: SyncResponseFrame) async throws {
        try await send(try sealer.seal(frame.encoded(answering: request, hub: HubReplica.id), index: index))
        index += 1
    }
}

/// What one response must carry, worked out from the device's cursor and its scope.
struct StreamPlan {
    /// The cursor as of the frames sent so far.
    var cursor: SyncCursor
    /// The device's current territories.
    let scope: Set<TerritoryID>
    /// Kinds the device receives from every territory.
    let kindsEverywhere: Set<ReplicatedKind>
    /// Territories to backfill (below the watermark), when the scope grew.
    let added: Set<TerritoryID>
    /// The scope version being backfilled, if the scope changed.
    let backfillTarget: UInt64?
    /// Where the backfill resumes.
    var backfillPosition: UInt64
    /// Territories to evict, sent once on the next frame.
    private var evictions: [TerritoryID]
    /// The writes' outcome, for the final frame.
    let outcome: SyncResponseFrame.Outcome
    var recordsSent = 0

    init(request: SyncCursor, report: PushReport) {
        cursor = request
        scope = report.scopes[report.scopeVersion] ?? []
        kindsEverywhere = report.kindsEverywhere
        outcome = report.outcome
        guard request.scopeVersion != report.scopeVersion || request.backfill != nil else {
            added = []
            backfillTarget = nil
            backfillPosition = 0
            evictions = []
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
            if backfill.target == report.scopeVersion { position = backfill.position; whole = old.intersection(target) }
        }
        added = scope.subtracting(whole)
        backfillTarget = report.scopeVersion
        backfillPosition = position
        evictions = held.subtracting(scope).sorted { RecordID($0) < RecordID($1) }
        cursor.backfill = nil
    }

    /// The evictions still to send (then none).
    mutating func takeEvictions() -> [RecordID] {
        defer { evictions = [] }
        return evictions.map { RecordID($0) }
    }
}
