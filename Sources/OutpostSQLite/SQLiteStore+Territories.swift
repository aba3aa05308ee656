public import Foundation
import GRDB
import HubCore
import MergeEngine
public import OutpostModel
import OutpostReplication
public import OutpostStore

extension SQLiteStore {
    /// Removes an empty territory: one without child territories, accounts, leads,
    /// assigned users, quotas or forecast submissions. The removal replicates as a delete.
    /// - Throws: `.notFound` for an unknown id, `.invalid` naming what the territory still holds.
    public func removeTerritory(_ id: TerritoryID, now: Date = Date()) async throws(StoreError) {
        try await write("removing territory \(id)") { db in
            guard let name = try String.fetchOne(db, sql: "SELECT name FROM territory WHERE id = ?", arguments: [id.sql]) else {
                throw StoreError(.notFound, "no territory has id \(id); list them with outpost-server territory list")
            }
            let holdings: [(String, String)] = [
                ("child territories", "SELECT COUNT(*) FROM territory WHERE parent_id = ?"),
                ("accounts", "SELECT COUNT(*) FROM account WHERE territory_id = ?"),
                ("leads", "SELECT COUNT(*) FROM lead WHERE territory_id = ?"),
                ("assigned users", "SELECT COUNT(*) FROM user_territory WHERE territory_id = ?"),
                ("forecast submissions", "SELECT COUNT(*) FROM forecast_submission WHERE territory_id = ?"),
            ]
            var held: [String] = []
            for (noun, sql) in holdings {
                let count = try Int.fetchOne(db, sql: sql, arguments: [id.sql]) ?? 0
                if count > 0 { held.append("\(count) \(noun)") }
            }
            let quotas = try Self.quotaCount(db, territory: id)
            if quotas > 0 { held.append("\(quotas) quotas") }
            guard held.isEmpty else {
                throw StoreError(.invalid, "territory \(name) still holds \(held.joined(separator: ", ")); "
                    + "move or remove them first (territory move, user assign, import with other territories)")
            }
            try db.execute(sql: "DELETE FROM territory WHERE id = ?", arguments: [id.sql])
            try ChangeSequence.use(db) { sequence in
                try ReplicaTable.recordHubDelete(db, RecordID(id), kind: .territory, seq: sequence.next(), time: WallClock(date: now))
            }
        }
    }

    /// Quotas (kept in `replica_record` alone) that route to `territory` and are not deleted.
    private static func quotaCount(_ db: Database, territory: TerritoryID) throws -> Int {
        let rows = try Row.fetchAll(db, sql: "SELECT id FROM replica_record WHERE kind = ? AND territory = ?",
                                    arguments: [Int64(ReplicatedKind.quota.rawValue), Data(RecordID(territory).bytes)])
        return try rows.filter { row in
            let id = try RecordID(bytes: [UInt8](row[0] as Data))
            return try ReplicaTable.load(db, id).map { !$0.state.view(policy: .updateWins).isDeleted } ?? false
        }.count
    }
}
