@testable import FieldClient
import Foundation
import GRDB
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import Testing

@Suite("The device commits received frames in batches, each frame with its cursor", .serialized)
struct FrameBatchTests {
    struct Cut: Error {}

    /// A test record's state, numbered `number`, stamped at hub counter 1,000,000 + `number`.
    static func state(_ number: UInt64) -> RecordState {
        FrameRouteTests.state(RecordID(high: 0x998, low: number), counter: 1_000_000 + number)
    }

    /// A frame bringing `state`, filed under `territory`, with `cursor`; more frames follow.
    static func frame(_ state: RecordState, in territory: RecordID, cursor: SyncCursor) -> SyncResponseFrame {
        SyncResponseFrame(cursor: cursor, records: [FrameRecord(state, route: .territory(territory))], more: true)
    }

    @Test("A frame waits for its batch's commit; a cut link and the final frame commit the whole frames with the last cursor",
          .timeLimit(.minutes(3)))
    func wholeFramesCommitWithTheirCursor() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            let north = RecordID(hub.company.north.id)
            let scope = try rep.identity().cursor.scopeVersion
            let (first, second) = (Self.state(1), Self.state(2))
            let firstCursor = SyncCursor(watermark: 1_000_001, scopeVersion: scope)
            let secondCursor = SyncCursor(watermark: 1_000_002, scopeVersion: scope)

            let start = ContinuousClock.now
            #expect(throws: Cut.self) {
                try rep.applyingFrames(now: { start }) { batch in
                    _ = try batch.apply(Self.frame(first, in: north, cursor: firstCursor))
                    #expect(try !FrameRouteTests.holds(rep, first.id), "a frame of an unfinished batch is not committed yet")
                    throw Cut()
                }
            }
            #expect(try FrameRouteTests.holds(rep, first.id), "the link's cut commits the frame that arrived whole")
            #expect(try rep.identity().cursor == firstCursor)

            try rep.applyingFrames(now: { start }) { batch in
                _ = try batch.apply(SyncResponseFrame(cursor: secondCursor, records: [FrameRecord(second, route: .territory(north))],
                                                      outcome: .init(appliedThrough: 0)))
                #expect(try FrameRouteTests.holds(rep, second.id), "the final frame commits its batch at once")
            }
            #expect(try rep.identity().cursor == secondCursor)
        }
    }

    @Test("A frame that fails to apply takes its uncommitted batch back with it: the cursor stays with the records it came with",
          .timeLimit(.minutes(3)))
    func aFailedFrameRollsItsBatchBack() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            let north = RecordID(hub.company.north.id)
            let account = RecordID(hub.company.accounts(in: hub.company.north)[0].id)
            let before = try rep.identity().cursor
            // The account's stored state no longer opens, so merging a state into it fails.
            let file = try DatabaseQueue(path: rep.folder.appendingPathComponent(Replica.fileName).path)
            try await file.write { db in try db.execute(sql: "UPDATE record SET state = x'00', state_group = NULL WHERE id = ?", arguments: [Data(account.bytes)]) }
            let fresh = Self.state(3)
            let cursor = SyncCursor(watermark: 1_000_003, scopeVersion: before.scopeVersion)

            // A fixed clock: however slow the machine, no frame counts as waited for.
            let start = ContinuousClock.now
            #expect(throws: ReplicaError.self) {
                try rep.applyingFrames(now: { start }) { batch in
                    _ = try batch.apply(Self.frame(fresh, in: north, cursor: cursor))
                    _ = try batch.apply(Self.frame(FrameRouteTests.state(account, counter: 1_000_004), in: north, cursor: cursor))
                }
            }
            #expect(try !FrameRouteTests.holds(rep, fresh.id), "the whole frame before the failed one went back with it")
            #expect(try rep.identity().cursor == before)
        }
    }

    @Test("A frame the device waited for commits its batch at once, so a slow link never holds the replica between frames; frames back to back stay batched",
          .timeLimit(.minutes(3)))
    func aSlowLinkCommitsEachFrame() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            let north = RecordID(hub.company.north.id)
            let scope = try rep.identity().cursor.scopeVersion
            let states = (11...13).map { Self.state(UInt64($0)) }
            let cursors = (11...13).map { SyncCursor(watermark: 1_000_000 + UInt64($0), scopeVersion: scope) }
            func frame(_ index: Int) -> SyncResponseFrame { Self.frame(states[index], in: north, cursor: cursors[index]) }
            var clock = ContinuousClock.now
            #expect(throws: Cut.self) {
                try rep.applyingFrames(now: { clock }) { batch in
                    _ = try batch.apply(frame(0))
                    #expect(try !FrameRouteTests.holds(rep, states[0].id), "a frame right behind the request is batched")
                    clock += FrameBatch.slowLinkWait / 2
                    _ = try batch.apply(frame(1))
                    #expect(try !FrameRouteTests.holds(rep, states[1].id), "a frame right behind the one before stays batched")
                    clock += FrameBatch.slowLinkWait
                    _ = try batch.apply(frame(2))
                    #expect(try FrameRouteTests.holds(rep, states[2].id), "a frame the device waited for commits its batch")
                    throw Cut()
                }
            }
            #expect(try rep.identity().cursor == cursors[2])
        }
    }
}
