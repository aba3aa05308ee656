@testable import FieldClient
import Foundation
import GRDB
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import Testing

@Suite("A device files received records by the route their frame gives", .serialized)
struct FrameRouteTests {
    /// A record kind this build of the device does not know, as a newer server may send.
    static let unknownKind = RecordTypeID(999)

    @Test("Records of a kind the device cannot decode leave with their territory, or with the record they route through",
          .timeLimit(.minutes(3)))
    func unknownKindsLeaveWithTheirRoute() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            let north = RecordID(hub.company.north.id)
            let account = RecordID(hub.company.accounts(in: hub.company.north)[0].id)
            let byTerritory = Self.state(RecordID(high: 0x999, low: 1), counter: 1_000_001)
            let byAccount = Self.state(RecordID(high: 0x999, low: 2), counter: 1_000_002)
            let cursor = SyncCursor(watermark: 1_000_002, scopeVersion: 1)
            _ = try rep.applyingFrames { try $0.apply(SyncResponseFrame(cursor: cursor, records: [
                FrameRecord(byTerritory, route: .territory(north)), FrameRecord(byAccount, route: .parent(account)),
            ])) }
            #expect(try Self.holds(rep, byTerritory.id) && Self.holds(rep, byAccount.id))

            _ = try rep.applyingFrames { try $0.apply(SyncResponseFrame(cursor: cursor, evictions: [north])) }
            #expect(try !Self.holds(rep, byTerritory.id), "a record routed to an evicted territory stayed on the device")
            #expect(try !Self.holds(rep, byAccount.id), "a record routed through an evicted account stayed on the device")
            #expect(try !Self.holds(rep, account))
        }
    }

    @Test("A write the hub accepts to a record the device cannot decode keeps the record's route, so it still leaves with it",
          .timeLimit(.minutes(3)))
    func acceptedWriteKeepsTheRoute() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            let north = RecordID(hub.company.north.id)
            let record = Self.state(RecordID(high: 0x999, low: 3), counter: 1_000_001)
            let cursor = SyncCursor(watermark: 1_000_001, scopeVersion: 1)
            _ = try rep.applyingFrames { try $0.apply(SyncResponseFrame(cursor: cursor, records: [FrameRecord(record, route: .territory(north))])) }

            // The device's own write to it, settled by an ack: the device rebuilds the state
            // itself, with no frame to say where the record belongs.
            let device = try rep.identity().replicaID
            let write = Write(dot: Dot(replica: device, counter: 1), record: record.id, context: record.context,
                              operation: .update(fields: [FieldID(1): .string("edited on the device")]),
                              time: WallClock(milliseconds: 1_780_000_000_001))
            try rep.write { db in try rep.pendingStore.insert(db, write) }
            _ = try rep.applyingFrames { try $0.apply(SyncResponseFrame(cursor: cursor, outcome: .init(appliedThrough: 1, acks: [.init(counter: 1, stamp: 1_000_002)]))) }
            #expect(try rep.pendingWrites().isEmpty)
            #expect(try rep.write { db in try rep.baseState(db, record.id) }?.context[ReplicaID.hub] == 1_000_002)

            _ = try rep.applyingFrames { try $0.apply(SyncResponseFrame(cursor: cursor, evictions: [north])) }
            #expect(try !Self.holds(rep, record.id), "an acknowledged write re-filed its record as global, so it never left the device")
        }
    }

    /// A live record of ``unknownKind`` written whole by the hub at `counter`.
    static func state(_ id: RecordID, counter: UInt64) -> RecordState {
        let stamp = Dot(replica: ReplicaID.hub, counter: counter)
        let time = WallClock(milliseconds: 1_780_000_000_000)
        return try! RecordState(id: id, type: unknownKind, context: VersionVector([stamp]),
                                existence: [ExistenceEntry(stamp: stamp, origin: ReplicaID.hub, kind: .alive, time: time)],
                                fields: [FieldSlot(id: FieldID(1), siblings: [FieldEntry(stamp: stamp, origin: ReplicaID.hub,
                                                                                        value: .string("from a newer server"), time: time)])])
    }

    /// Whether the replica's file has a row for record `id`.
    static func holds(_ replica: Replica, _ id: RecordID) throws -> Bool {
        let file = try DatabaseQueue(path: replica.folder.appendingPathComponent(Replica.fileName).path)
        return try file.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM record WHERE id = ?)", arguments: [Data(id.bytes)]) ?? false
        }
    }
}
