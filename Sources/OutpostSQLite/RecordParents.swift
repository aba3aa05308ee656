import Foundation
import GRDB
import MergeEngine
import OutpostReplication
import StateCoding

/// The `parent` column of `replica_record`: the record each record routes through,
/// so the records an account takes along when it moves are found by index.
enum RecordParents {
    /// Adds the column and fills it from every stored state's route.
    static func addColumn(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE replica_record ADD COLUMN parent BLOB CHECK (parent IS NULL OR length(parent) = 16)")
        try db.execute(sql: "CREATE INDEX replica_record_by_parent ON replica_record(parent) WHERE parent IS NOT NULL")
        let update = try db.makeStatement(sql: "UPDATE replica_record SET parent = ? WHERE id = ?")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, kind, state FROM replica_record")
        while let row = try rows.next() {
            let id = try RecordID(bytes: [UInt8](row[0] as Data))
            guard let kind = ReplicatedKind(rawValue: UInt16(clamping: row[1] as Int64)),
                  let state = try? RecordStateCodec.decode([UInt8](row[2] as Data), id: id),
                  let parent = try? kind.decode(recordID: id, fields: state.view(policy: .updateWins).values).route.parent
            else { continue }
            try update.execute(arguments: [Data(parent.id.bytes), Data(id.bytes)])
        }
    }
}
