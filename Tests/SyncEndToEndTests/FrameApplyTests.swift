@testable import FieldClient
import Foundation
import GRDB
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import Testing

@Suite("A device stores each received record sealed under its own nonce, its conflicts flagged", .serialized)
struct FrameApplyTests {
    @Test("Nonces from the pool are 24 bytes and never repeat, across its draws")
    func poolNeverRepeats() throws {
        let pool = NoncePool()
        let nonces = try (0..<(2 * NoncePool.noncesPerDraw + 1)).map { _ in try pool.next() }
        #expect(nonces.allSatisfy { $0.count == 24 })
        #expect(Set(nonces).count == nonces.count, "the pool handed out a nonce twice")
    }

    @Test("After a bootstrap and edits, every sealed state, group of states, summary and pending write in the replica has a nonce of its own",
          .timeLimit(.minutes(3)))
    func everySealHasItsNonce() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.manager)
            for account in hub.company.accounts.prefix(6) {
                try rep.update(RecordID(account.id), fields: [try #require(ReplicatedKind.account.fieldID(named: "phone")): .string("+49 89 1234")])
            }
            let sealed = try Self.blobs(rep, """
                SELECT state FROM record WHERE state_group IS NULL UNION ALL SELECT sealed FROM state_group
                UNION ALL SELECT summary FROM record WHERE length(summary) > 0 UNION ALL SELECT write FROM pending
                """)
            #expect(sealed.count > 5)
            #expect(Set(sealed.map { $0.prefix(24) }).count == sealed.count, "two sealed values share a nonce")
        }
    }

    @Test("A received record with concurrent values of a field, or a delete concurrent with an edit, is counted and flagged as a conflict; one value per field is not",
          .timeLimit(.minutes(3)))
    func conflictsAreFlagged() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            let north = RecordID(hub.company.north.id)
            let kind = ReplicatedKind.activity.typeID
            let plain = Self.state(RecordID(high: 0x777, low: 1), kind, hub: 1_000_001, value: "one value")
            let edited = try Self.state(RecordID(high: 0x777, low: 2), kind, hub: 1_000_002, value: "the hub's")
                .joined(with: Self.state(RecordID(high: 0x777, low: 2), kind, device: 1, value: "a device's"))
            var deleted = Self.state(RecordID(high: 0x777, low: 3), kind, hub: 1_000_003, value: "edited")
            let concurrentDelete = Self.state(RecordID(high: 0x777, low: 3), kind, device: 2, value: nil)
            try deleted.join(concurrentDelete)
            let cursor = SyncCursor(watermark: 1_000_003, scopeVersion: 1)
            let effect = try rep.applyingFrames { try $0.apply(SyncResponseFrame(cursor: cursor, records: [plain, edited, deleted].map {
                FrameRecord($0, route: .territory(north))
            })) }
            #expect(effect.conflicted == 2)
            let flagged = try Self.blobs(rep, "SELECT id FROM record WHERE conflicted = 1 AND kind = \(kind.rawValue)")
            #expect(Set(flagged) == [Data(edited.id.bytes), Data(deleted.id.bytes)])
        }
    }

    @Test("A frame naming a record twice joins both states, and a later frame joins the state the replica holds",
          .timeLimit(.minutes(3)))
    func recordsJoinWhatIsHeld() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            let route = FrameRoute.territory(RecordID(hub.company.north.id))
            let kind = ReplicatedKind.activity.typeID
            let id = RecordID(high: 0x777, low: 4)
            let cursor = SyncCursor(watermark: 1_000_004, scopeVersion: 1)
            let twice = try rep.applyingFrames { try $0.apply(SyncResponseFrame(cursor: cursor, records: [
                FrameRecord(Self.state(id, kind, hub: 1_000_004, value: "the hub's"), route: route),
                FrameRecord(Self.state(id, kind, device: 1, value: "a device's"), route: route),
            ])) }
            #expect(twice.conflicted == 1)
            let later = Self.state(id, kind, device: 2, value: "another device's")
            _ = try rep.applyingFrames { try $0.apply(SyncResponseFrame(cursor: cursor, records: [FrameRecord(later, route: route)])) }
            let held = try #require(try rep.write { db in try rep.baseState(db, id) })
            #expect(Set(held.siblings(of: FieldID(1)).map(\.value))
                == [.string("the hub's"), .string("a device's"), .string("another device's")])
        }
    }

    @Test("A frame's new records are kept in groups, one named twice with both states; a change or an eviction takes records out",
          .timeLimit(.minutes(3)))
    func newRecordsAreGrouped() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            let north = RecordID(hub.company.north.id), gone = RecordID(high: 0x778, low: 99)
            let kind = ReplicatedKind.activity.typeID
            let ids = (1...(StateGroup.capacity + 6)).map { RecordID(high: 0x778, low: UInt64($0)) }
            let cursor = SyncCursor(watermark: 1_000_100, scopeVersion: 1)
            // New records for two groups, the first named twice; the last filed under a territory about to leave.
            var records = ids.map { FrameRecord(Self.state($0, kind, hub: 1_000_010, value: "first \($0)"), route: .territory(north)) }
            records.append(FrameRecord(Self.state(ids[0], kind, device: 1, value: "a device's"), route: .territory(north)))
            records[ids.count - 1].route = .territory(gone)
            let effect = try rep.applyingFrames { try $0.apply(SyncResponseFrame(cursor: cursor, records: records)) }
            #expect(effect.conflicted == 1)
            let groupOf = { (id: RecordID) in try rep.read { db in try Int64.fetchOne(db, sql: "SELECT state_group FROM record WHERE id = ?", arguments: [Data(id.bytes)]) } }
            let groups = try Set(ids.map(groupOf))
            #expect(groups.count == 2 && !groups.contains(nil), "\(groups)")
            #expect(try Set(rep.records(of: .activity).map(\.id)).isSuperset(of: ids))
            #expect(try rep.record(ids[0])?.view.hasConflicts == true)

            // A later change of a grouped record stores it in its row; its group keeps the others.
            let later = Self.state(ids[1], kind, device: 2, value: "changed")
            _ = try rep.applyingFrames { try $0.apply(SyncResponseFrame(cursor: cursor, records: [FrameRecord(later, route: .territory(north))])) }
            #expect(try groupOf(ids[1]) == nil)
            #expect(try rep.record(ids[1])?.view.hasConflicts == true)
            #expect(try rep.record(ids[2]) != nil)
            let members = {
                try rep.read { db in
                    try Data.fetchAll(db, sql: "SELECT sealed FROM state_group").flatMap { try StateGroup.open($0, rep.cipher).members.map(\.id) }
                }
            }
            let afterChange = try members()
            #expect(!afterChange.contains(ids[1]) && afterChange.contains(ids[2]) && afterChange.contains(ids[ids.count - 1]))
            // The evicted territory's record leaves its group, as its row leaves the replica.
            _ = try rep.applyingFrames { try $0.apply(SyncResponseFrame(cursor: cursor, evictions: [gone])) }
            #expect(try rep.record(ids[ids.count - 1]) == nil)
            let afterEviction = try members()
            #expect(!afterEviction.contains(ids[ids.count - 1]) && afterEviction.contains(ids[2]))
            #expect(try rep.check().problems.isEmpty)
        }
    }

    /// A live record of `kind` whose one field `value` the hub wrote at counter `hub`.
    static func state(_ id: RecordID, _ kind: RecordTypeID, hub: UInt64, value: String) -> RecordState {
        let stamp = Dot(replica: ReplicaID.hub, counter: hub)
        return try! RecordState(id: id, type: kind, context: VersionVector([stamp]),
                                existence: [ExistenceEntry(stamp: stamp, origin: ReplicaID.hub, kind: .alive, time: time)],
                                fields: [FieldSlot(id: FieldID(1), siblings: [FieldEntry(stamp: stamp, origin: ReplicaID.hub,
                                                                                        value: .string(value), time: time)])])
    }

    /// The record as device `device` wrote it first, having seen nothing else: with
    /// `value` in its one field, or deleted (`nil`).
    static func state(_ id: RecordID, _ kind: RecordTypeID, device: UInt32, value: String?) -> RecordState {
        let stamp = Dot(replica: ReplicaID(1_000 + device), counter: 1)
        let existence = ExistenceEntry(stamp: stamp, origin: stamp.replica,
                                       kind: value == nil ? .deleted(seen: CausalContext(vector: VersionVector([stamp]), extras: [])) : .alive,
                                       time: time)
        let fields = value.map { [FieldSlot(id: FieldID(1), siblings: [FieldEntry(stamp: stamp, origin: stamp.replica, value: .string($0), time: time)])] } ?? []
        return try! RecordState(id: id, type: kind, context: VersionVector([stamp]), existence: [existence], fields: fields)
    }

    /// The blobs `sql` reads from the replica's file.
    static func blobs(_ replica: Replica, _ sql: String) throws -> [Data] {
        try DatabaseQueue(path: replica.folder.appendingPathComponent(Replica.fileName).path).read { db in try Data.fetchAll(db, sql: sql) }
    }

    static let time = WallClock(milliseconds: 1_780_000_000_000)
}
