/// A domain table as the row writers of both backends see it: its name, the columns a
/// record writes (the key first) and those a read decodes, so each table's columns are
/// named in one place and each backend only spells its own placeholders.
///
/// ```swift
/// let shape = TableShape("territory", writes: ["id", "name", "parent_id", "change_seq"], reads: ["id", "name", "parent_id"])
/// shape.insertSQL(upsert: true, .numbered)
/// // INSERT INTO territory (id, name, parent_id, change_seq) VALUES ($1, $2, $3, $4)
/// //   ON CONFLICT (id) DO UPDATE SET name = excluded.name, parent_id = excluded.parent_id, change_seq = excluded.change_seq
/// ```
public struct TableShape: Sendable {
    /// How a backend writes the n-th bound value.
    public enum Placeholders: Sendable {
        /// SQLite's `?`.
        case questionMarks
        /// PostgreSQL's `$1`, `$2`, ….
        case numbered
    }

    /// The table's name as SQL spells it (quoted where it is a keyword, e.g. `"user"`).
    public let table: String
    /// The columns a record writes, its key first.
    public let writes: [String]
    /// The columns a read decodes, in the order the record's decoder reads them.
    public let reads: [String]
    /// `SELECT <reads> FROM <table>`.
    public let selectSQL: String
    private let inserts: [String]

    public init(_ table: String, writes: [String], reads: [String]) {
        self.table = table
        self.writes = writes
        self.reads = reads
        selectSQL = "SELECT \(reads.joined(separator: ", ")) FROM \(table)"
        let columns = writes.joined(separator: ", ")
        let updates = writes.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        let upsert = " ON CONFLICT (\(writes[0])) DO UPDATE SET \(updates)"
        let marks = Array(repeating: "?", count: writes.count).joined(separator: ", ")
        let numbers = writes.indices.map { "$\($0 + 1)" }.joined(separator: ", ")
        let questionMarks = "INSERT INTO \(table) (\(columns)) VALUES (\(marks))"
        let numbered = "INSERT INTO \(table) (\(columns)) VALUES (\(numbers))"
        inserts = [questionMarks, questionMarks + upsert, numbered, numbered + upsert]
    }

    /// The insert of `rows` rows with numbered placeholders (PostgreSQL), `$1…$n` for the
    /// first row's ``writes``, the next row's after them, and so on.
    public func insertSQL(rows: Int, upsert: Bool) -> String {
        let width = writes.count
        let tuples = (0..<rows).map { row in "(" + (1...width).map { "$\(row * width + $0)" }.joined(separator: ", ") + ")" }
        var sql = "INSERT INTO \(table) (\(writes.joined(separator: ", "))) VALUES " + tuples.joined(separator: ", ")
        if upsert {
            sql += " ON CONFLICT (\(writes[0])) DO UPDATE SET " + writes.dropFirst().map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
        }
        return sql
    }

    /// The insert of one row; with `upsert`, a row whose key is stored is updated in place
    /// (rows referring to it keep their foreign keys). Both backends take this SQL.
    public func insertSQL(upsert: Bool, _ placeholders: Placeholders) -> String {
        inserts[(placeholders == .numbered ? 2 : 0) + (upsert ? 1 : 0)]
    }
}
