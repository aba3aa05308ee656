@testable import FieldClient
import Foundation
import GRDB
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import Testing

/// An empty replica is filled without its index by parent (``ParentIndex``), and no
/// exchange ends without it.
@Suite("The replica's index by parent around an exchange", .serialized)
struct ParentIndexTests {
    struct Cut: Error {}

    /// The replica's file, opened on its own connection (no key needed: the index and
    /// the routing columns are clear).
    static func file(_ replica: Replica) throws -> DatabaseQueue {
        try DatabaseQueue(path: replica.folder.appendingPathComponent(Replica.fileName).path)
    }

    static func hasIndex(_ replica: Replica) throws -> Bool {
        try file(replica).read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'record_by_parent')") ?? false
        }
    }

    @Test("An empty replica takes its frames without the index, and an exchange cut midway still ends with it",
          .timeLimit(.minutes(3)))
    func emptyReplicaFillsWithoutTheIndex() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            #expect(try Self.hasIndex(rep), "a bootstrap ends with the index")
            try await Self.file(rep).write { db in try db.execute(sql: "DELETE FROM record") }
            let north = RecordID(hub.company.north.id)
            let state = FrameBatchTests.state(11)
            let cursor = SyncCursor(watermark: 1_000_011, scopeVersion: try rep.identity().cursor.scopeVersion)

            let start = ContinuousClock.now
            #expect(throws: Cut.self) {
                try rep.applyingFrames(now: { start }) { batch in
                    #expect(try !Self.hasIndex(rep), "an empty replica is filled without the index")
                    _ = try batch.apply(FrameBatchTests.frame(state, in: north, cursor: cursor))
                    throw Cut()
                }
            }
            #expect(try FrameRouteTests.holds(rep, state.id))
            #expect(try Self.hasIndex(rep), "the cut exchange built the index before it ended")
        }
    }

    @Test("A replica holding records without the index (a bootstrap killed midway) has it back before the next frame",
          .timeLimit(.minutes(3)))
    func missingIndexIsBuiltFirst() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            try await Self.file(rep).write { db in try db.execute(sql: "DROP INDEX record_by_parent") }

            let builtFirst = try rep.applyingFrames { _ in try Self.hasIndex(rep) }
            #expect(builtFirst, "built before any frame is applied")
            let plan = try await Self.file(rep).read { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM record WHERE parent = x'00'").map { $0["detail"] as String }
            }
            #expect(plan.contains { $0.contains("record_by_parent") }, "reads by parent use it: \(plan)")
        }
    }

    @Test("The indexes by parent and by territory hold only rows that have one, and serve the lookups that name one",
          .timeLimit(.minutes(3)))
    func partialIndexesServeLookups() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            try await Self.file(rep).read { db in
                for (index, column) in [("record_by_parent", "parent"), ("record_by_territory", "territory")] {
                    let entries = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record INDEXED BY \(index) WHERE \(column) IS NOT NULL") ?? 0
                    let rows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record WHERE \(column) IS NOT NULL") ?? -1
                    #expect(entries == rows && rows > 0)
                    let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [index]) ?? ""
                    #expect(sql.hasSuffix("WHERE \(column) IS NOT NULL"), "\(sql)")
                }
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM record WHERE territory IN (x'00', x'01')").map { $0["detail"] as String }
                #expect(plan.contains { $0.contains("record_by_territory") }, "evictions by territory use it: \(plan)")
            }
        }
    }

    @Test("The index by kind holds every kind but contacts and activities; a list of an indexed kind reads it, one of the others scans",
          .timeLimit(.minutes(3)))
    func kindIndexLeavesOutTheLargeKinds() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            try await Self.file(rep).read { db in
                let entries = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record INDEXED BY record_by_kind WHERE \(KindIndex.indexed)") ?? 0
                let rows = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record WHERE kind NOT IN (4, 7)") ?? -1
                #expect(entries == rows && rows > 0)
                #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record WHERE kind IN (4, 7)") ?? 0 > 0)
                for kind in ReplicatedKind.allCases {
                    let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT id FROM record WHERE \(KindIndex.condition(kind))",
                                                arguments: [Int64(kind.rawValue)]).map { $0["detail"] as String }
                    #expect(plan.contains { $0.contains("record_by_kind") } == ![.contact, .activity].contains(kind), "\(kind): \(plan)")
                }
            }
            for kind in ReplicatedKind.allCases {
                let listed = try rep.records(of: kind).count
                let held = try await Self.file(rep).read { db in
                    try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM record NOT INDEXED WHERE kind = ?", arguments: [Int64(kind.rawValue)]) ?? -1
                }
                #expect(listed == held, "\(kind)")
            }
        }
    }
}
