public import ArgumentParser
import TerminalOutput

/// `outpost-server`: the hub of Outpost's sync star and its administration.
public struct OutpostServerCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "outpost-server",
        abstract: "The Outpost sales server: territories, users, devices, CRM data, catalog and sync.",
        discussion: """
            Every command works on the database given by --db or OUTPOST_DB: a SQLite file,
            or postgres://USER[:PASSWORD]@HOST:PORT/DBNAME (init, serve, demo, territory,
            user add|list|assign|disable|enable, device, import, export, catalog and quota so far).

            Examples:
              outpost-server init --db hq.sqlite
              outpost-server demo --db hq.sqlite --scale medium
              outpost-server serve --db hq.sqlite --host 127.0.0.1 --port 8080
              outpost-server device enrol --db hq.sqlite --user rep.medium
            """,
        version: outpostVersion,
        subcommands: [
            InitCommand.self, ServeCommand.self, DemoCommand.self,
            TerritoryCommand.self, UserCommand.self, DeviceCommand.self,
            ImportCommand.self, ExportCommand.self, CatalogCommand.self, QuotaCommand.self,
            WebhookCommand.self, RuleCommand.self, TokenCommand.self, BackupCommand.self, RestoreCommand.self,
            DocsCommand.self,
        ]
    )

    public init() {}
}

extension OutpostServerCommand {
    /// Parses the process's arguments and runs the chosen subcommand, awaiting it;
    /// exits with a one-line reason on error.
    ///
    /// The executable calls this instead of `main()`, whose async overload Swift does
    /// not pick from another module's top-level code.
    public static func runMain() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            try await run(arguments: arguments)
        } catch {
            CommandFailure.exit(error, root: OutpostServerCommand.self, arguments: arguments)
        }
    }

    /// Parses `arguments` (the process's when `nil`) and runs the chosen subcommand.
    public static func run(arguments: [String]?) async throws {
        var command = try await asyncParseAsRoot(arguments)
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch is NotOnPostgres {
            let path = commandPath(arguments ?? Array(CommandLine.arguments.dropFirst()))
            let backup = ["backup", "restore"].contains(path) ? "; back up and restore a PostgreSQL database with pg_dump and pg_restore" : ""
            throw CommandError("outpost-server \(path) is not available on PostgreSQL yet\(backup); on PostgreSQL, init, serve, demo, territory, "
                + "user add|list|assign|disable|enable, device enrol|list|revoke|retire, import, export (but orders), catalog, quota and docs run so far")
        }
    }

    /// The subcommand names at the start of `arguments`, e.g. `device enrol`.
    static func commandPath(_ arguments: [String]) -> String {
        var names: [String] = []
        var current: any ParsableCommand.Type = OutpostServerCommand.self
        for argument in arguments {
            guard let next = current.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            names.append(argument)
            current = next
        }
        return names.joined(separator: " ")
    }
}
