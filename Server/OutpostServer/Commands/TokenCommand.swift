import ArgumentParser
import Foundation
import OutpostSQLite
import TerminalOutput

/// `outpost-server token add|list|revoke`: API tokens of the HTTP data API.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke API tokens for the HTTP data API (order feed, forecast, leads).",
        discussion: """
            Each token is limited to its scopes (\(APIScope.all.map(\.name).joined(separator: ", "))) and is stored hashed:
            it is shown once, when made. Example:
              outpost-server token add --db hq.sqlite --scope orders:read --expires 90d \\
                --label fulfilment
            """,
        subcommands: [Add.self, List.self, Revoke.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make an API token with the given scopes; prints it once.",
            discussion: """
                Examples:
                  outpost-server token add --db hq.sqlite --scope orders:read --label fulfilment
                  outpost-server token add --db hq.sqlite --scope orders:read,forecast:read \\
                    --expires 90d --json
                """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "A scope to grant (\(APIScope.all.map(\.name).joined(separator: ", "))); repeat it or separate with commas.")
        var scope: [String]
        @Option(help: "How long the token lasts, e.g. 90d or 12h (default: until revoked).") var expires: String?
        @Option(help: "A name for people, e.g. the system that uses it.") var label = "api"

        struct Made: Encodable {
            let id: String
            let token: String
            let scopes: [String]
            let expires: Date?
        }

        func run() async throws {
            let scopes = try Self.scopes(scope)
            let lifetime = try expires.map(Self.lifetime)
            let database = try store.open()
            let (id, secret) = try APITokenSecret.generate()
            let now = Date()
            let token = APIToken(id: id, label: label, scopes: scopes.map(\.name), createdAt: now,
                                 expiresAt: lifetime.map { now.addingTimeInterval($0) })
            try await database.addAPIToken(token, digest: try APITokenSecret.digest(secret))
            if output.json {
                try Output.json(Made(id: id, token: secret, scopes: token.scopes, expires: token.expiresAt))
            } else {
                print(secret)
                print("API token \(id) (\(token.scopes.joined(separator: " "))), "
                      + (token.expiresAt.map { "expires \($0.formatted(.iso8601))" } ?? "until revoked")
                      + ". It is not shown again; send it as: Authorization: Bearer TOKEN")
            }
        }

        /// The scopes named, each known and none twice.
        static func scopes(_ written: [String]) throws -> [APIScope] {
            var scopes: [APIScope] = []
            for name in written.flatMap({ $0.split(separator: ",") }).map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let scope = APIScope(named: name) else {
                    throw ValidationError("unknown scope \"\(name)\"; use one of \(APIScope.all.map(\.name).joined(separator: ", "))")
                }
                if !scopes.contains(scope) { scopes.append(scope) }
            }
            guard !scopes.isEmpty else { throw ValidationError("give at least one --scope, e.g. --scope orders:read") }
            return scopes
        }

        /// Seconds in `text`: a whole number of days (`90d`) or hours (`12h`).
        static func lifetime(_ text: String) throws -> TimeInterval {
            guard let unit = text.last, let count = Int(text.dropLast()), count > 0, unit == "d" || unit == "h" else {
                throw ValidationError("--expires takes days or hours, e.g. 90d or 12h (got \"\(text)\")")
            }
            return TimeInterval(count) * (unit == "d" ? 86_400 : 3_600)
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List API tokens (never their secrets).",
            discussion: "Example:\n  outpost-server token list --db hq.sqlite --json"
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        struct Row: Encodable {
            let id: String
            let label: String
            let scopes: [String]
            let created: Date
            let expires: Date?
            let revoked: Date?
        }

        func run() async throws {
            let tokens = try await store.open().apiTokens()
            let rows = tokens.map { Row(id: $0.id, label: $0.label, scopes: $0.scopes, created: $0.createdAt, expires: $0.expiresAt, revoked: $0.revokedAt) }
            let show: (Date?) -> String = { $0?.formatted(.iso8601) ?? "-" }
            try output.print(rows, headers: ["id", "label", "scopes", "expires", "revoked"],
                             empty: "No API tokens. Make one with: outpost-server token add --scope orders:read") {
                [$0.id, $0.label, $0.scopes.joined(separator: " "), show($0.expires), show($0.revoked)]
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke an API token at once.",
            discussion: "Example:\n  outpost-server token revoke --db hq.sqlite 3f2b8c4e"
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The token's id or a unique prefix of it (see token list).") var id: String

        func run() async throws {
            let database = try store.open()
            let token = try Lookup.unique(id, among: try await database.apiTokens(), id: \.id, kind: "API token",
                                          listCommand: "outpost-server token list")
            try await database.revokeAPIToken(id: token.id, at: Date())
            print("Revoked API token \(token.id) (\(token.label))")
        }
    }
}
