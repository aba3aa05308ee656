import OutpostStore
import Testing

/// `--db` names a SQLite file or a PostgreSQL database; a malformed URL is refused with how to write one.
@Suite("Database locations")
struct DatabaseLocationTests {
    @Test("A path is SQLite; a postgres:// URL is PostgreSQL with its parts percent-decoded")
    func parses() throws {
        #expect(try DatabaseLocation(parsing: "hq.sqlite") == .sqlite(path: "hq.sqlite"))
        #expect(try DatabaseLocation(parsing: "/var/lib/outpost/hq.sqlite") == .sqlite(path: "/var/lib/outpost/hq.sqlite"))
        #expect(try DatabaseLocation(parsing: "postgres://outpost@db.local:5433/hq")
            == .postgres(PostgresLocation(host: "db.local", port: 5433, user: "outpost", database: "hq")))
        #expect(try DatabaseLocation(parsing: "postgresql://ops%40hq:p%40ss%3Aw%2Fd@10.0.0.5/sales?sslmode=require")
            == .postgres(PostgresLocation(host: "10.0.0.5", port: 5432, user: "ops@hq", password: "p@ss:w/d", database: "sales",
                                          tls: .require)))
    }

    @Test("Messages show the URL without its password")
    func redacts() throws {
        let location = try DatabaseLocation(parsing: "postgres://outpost:secret@127.0.0.1:5432/hq")
        #expect(location.description == "postgres://outpost@127.0.0.1:5432/hq")
        #expect(throws: DatabaseLocationError.self) { try DatabaseLocation(parsing: "postgres://outpost:secret@127.0.0.1:5432/") }
        do {
            _ = try DatabaseLocation(parsing: "postgres://outpost:secret@127.0.0.1:5432/")
        } catch {
            #expect(!error.message.contains("secret"))
            #expect(error.message.contains("postgres://outpost:***@127.0.0.1:5432/"))
        }
    }

    @Test("A malformed URL says what is missing and how to write it", arguments: [
        ("postgres://db.local:5432/hq", "names no user; write it as postgres://USER[:PASSWORD]@HOST:PORT/DBNAME"),
        ("postgres://outpost@:5432/hq", "names no host"),
        ("postgres://outpost@db.local:5432", "names no database"),
        ("postgres://outpost@db.local:5432/hq/extra", "names no database (or more than one path segment)"),
        ("postgres://outpost@db.local:99999/hq", "has port 99999; a port is between 1 and 65535"),
        ("postgres://outpost@db.local/hq?sslmode=sometimes", "the only URL parameter Outpost reads is sslmode"),
        ("postgres:outpost@db.local/hq", "is not a PostgreSQL URL; write it as postgres://USER"),
        ("mysql://outpost@db.local/hq", "mysql:// databases are not supported"),
        ("", "the database is empty"),
    ])
    func refuses(text: String, reason: String) {
        #expect { try DatabaseLocation(parsing: text) } throws: { error in
            (error as? DatabaseLocationError)?.message.contains(reason) == true
        }
    }
}
