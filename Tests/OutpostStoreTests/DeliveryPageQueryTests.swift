import Foundation
import GRDB
import HubCore
import OutpostModel
import OutpostReplication
@testable import OutpostSQLite
import StoreTestSupport
import Testing

/// A delivery's pages are read in change order: each page must cost the rows between its
/// first and last change, not a sort of every change the scope has after it (which made
/// each page of a manager's bootstrap re-read the rest of the scope).
@Suite("Delivery pages from the SQLite ledger")
struct DeliveryPageQueryTests {
    private static let selections = [
        RecordSelection(territories: [TerritoryID(), TerritoryID(), TerritoryID()], includeGlobal: true, kinds: [.product, .productOption]),
        RecordSelection(territories: [TerritoryID()], includeGlobal: true),
        RecordSelection(territories: [TerritoryID(), TerritoryID()], includeGlobal: false),
    ]

    @Test("A page walks the change order and keeps the rows in scope; it never sorts the scope's changes",
          arguments: selections, [nil, 900] as [UInt64?])
    func walksChangeOrder(selection: RecordSelection, through: UInt64?) async throws {
        let folder = try ScratchFolder("outpost-delivery-page")
        defer { folder.remove() }
        let store = try SQLiteStore(path: folder.path("hub.sqlite"))
        let query = try #require(DeliveryPageQuery(selection, after: 10, through: through, limit: 1000))
        let plan = try await store.writer.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query.sql, arguments: query.arguments).map { $0["detail"] as String }
        }
        #expect(plan.count == 1 && plan[0].contains("USING INDEX replica_record_by_seq"), "plan: \(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "plan: \(plan)")
    }

    @Test("A selection that picks nothing reads nothing")
    func emptySelection() {
        #expect(DeliveryPageQuery(RecordSelection(territories: [], includeGlobal: false), after: 0, through: nil, limit: 10) == nil)
    }
}
