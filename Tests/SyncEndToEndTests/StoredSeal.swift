import Foundation
import GRDB
import MergeEngine

/// The sealed value that holds record `id`'s state in a replica: the row's own, or that
/// of the group keeping it (empty when the replica does not hold the record).
func storedSeal(_ db: Database, of id: RecordID) throws -> Data {
    try Data.fetchOne(db, sql: """
        SELECT coalesce((SELECT sealed FROM state_group WHERE id = record.state_group), state) FROM record WHERE id = ?
        """, arguments: [Data(id.bytes)]) ?? Data()
}
