import Foundation
import OutpostModel
import OutpostPostgres
import OutpostStore
import StoreTestSupport
import Testing

@testable import OutpostServer

/// The admin commands on a `postgres://` database, run in-process; commands that do not
/// run there yet say so, and a bad URL says how to write one.
@Suite("outpost-server on PostgreSQL")
struct PostgresCommandTests {
    @Test("init, territory, user and device commands run on a PostgreSQL database")
    func directoryCommands() async throws {
        try await TestPostgres.withDatabase { location in
            let db = TestPostgres.url(of: location)
            let run = { (arguments: [String]) in try await OutpostServerCommand.run(arguments: arguments + ["--db", db]) }
            await #expect { try await run(["territory", "list"]) } throws: { error in
                "\(error)".contains("holds no Outpost schema; create it with: outpost-server init --db postgres://")
            }
            try await run(["init"])
            try await run(["init"])
            try await run(["territory", "add", "DACH"])
            try await run(["territory", "add", "Bavaria", "--parent", "DACH"])
            try await run(["territory", "add", "EMEA"])
            try await run(["territory", "move", "DACH", "--under", "EMEA"])
            try await run(["territory", "add", "Old District"])
            try await run(["territory", "rename", "Old District", "Older District"])
            try await run(["territory", "remove", "Older District"])
            try await run(["user", "add", "ana.lopez", "--display-name", "Ana López", "--territory", "Bavaria"])
            try await run(["user", "assign", "ana.lopez", "--territory", "DACH", "--territory", "Bavaria"])
            try await run(["user", "disable", "ana.lopez"])
            try await run(["device", "list", "--json"])
            await #expect { try await run(["territory", "add", "DACH"]) } throws: { error in
                "\(error)".hasSuffix(#"name "DACH" is already taken by another territory"#)
            }

            try await PostgresStore.withStore(at: location, mode: .existing) { store in
                let territories = try await store.territories()
                #expect(territories.map(\.name) == ["EMEA", "DACH", "Bavaria"])
                let ana = try #require(try await store.user(named: "ana.lopez"))
                #expect(ana.displayName == "Ana López")
                #expect(ana.territoryIDs.compactMap { id in territories.first { $0.id == id }?.name } == ["DACH", "Bavaria"])
                #expect(try await store.disabledUsers() == [ana.id])
            }
        }
    }

    @Test("A command that does not run on PostgreSQL yet says so, before connecting", arguments: [
        (["rule", "list"], "rule list"),
        (["token", "list"], "token list"),
        (["export", "orders"], "export"),
    ])
    func notYet(arguments: [String], command: String) async throws {
        // Port 1 refuses connections: the refusal must come from the command, not the network.
        let db = "postgres://outpost@127.0.0.1:1/outpost"
        await #expect { try await OutpostServerCommand.run(arguments: arguments + ["--db", db]) } throws: { error in
            "\(error)".hasPrefix("outpost-server \(command) is not available on PostgreSQL yet; on PostgreSQL, init, serve, demo, territory")
        }
    }

    @Test("serve and device enrol on PostgreSQL need the key file, and serve refuses what it cannot serve from there yet, before connecting",
          arguments: [
              (["serve"], "pass --key-file FILE"),
              (["device", "enrol", "--user", "ana.lopez"], "pass --key-file FILE"),
              (["serve", "--key-file", "k", "--lead-token-file", "t"], "POST /leads is not served from PostgreSQL yet; leave out --lead-token-file"),
          ])
    func keyFileAndRefusals(arguments: [String], message: String) async throws {
        let db = "postgres://outpost@127.0.0.1:1/outpost"
        await #expect { try await OutpostServerCommand.run(arguments: arguments + ["--db", db]) } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test("backup on PostgreSQL points at pg_dump")
    func backupPointsAtPgDump() async throws {
        await #expect {
            try await OutpostServerCommand.run(arguments: ["backup", "--to", "hq.backup", "--db", "postgres://outpost@127.0.0.1:1/outpost"])
        } throws: { error in
            "\(error)".hasPrefix("outpost-server backup is not available on PostgreSQL yet; back up and restore a PostgreSQL database with pg_dump")
        }
    }

    @Test("A malformed --db URL is refused with how to write it, and an unreachable server with what to check")
    func badURLs() async throws {
        await #expect { try await OutpostServerCommand.run(arguments: ["territory", "list", "--db", "postgres://db.local/hq"]) }
            throws: { error in "\(error)" == "postgres://db.local/hq names no user; write it as postgres://USER[:PASSWORD]@HOST:PORT/DBNAME" }
        await #expect { try await OutpostServerCommand.run(arguments: ["territory", "list", "--db", "postgres://outpost@127.0.0.1:1/hq"]) }
            throws: { error in
                "\(error)".hasPrefix("cannot reach PostgreSQL at postgres://outpost@127.0.0.1:1/hq")
                    && "\(error)".hasSuffix("check that it runs and the host and port in the URL")
            }
    }
}
