import ArgumentParser
import Foundation
import Glibc
import OutpostModel
import OutpostSQLite
import SodiumKit
import TerminalOutput

extension UserCommand {
    /// `outpost-server user password NAME`: sets (or removes) a console password.
    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set a manager's or the order desk's password for the browser console (stored as an Argon2id hash).",
            discussion: """
                The password is read from --password-file, else typed at a prompt (not echoed), else read \
                from standard input. Setting it ends the user's open console sessions; --remove takes console \
                access away (password, unused sign-in links, sessions).

                Example:
                  outpost-server user password --db hq.sqlite tobias.vogel
                  outpost-server user password --db hq.sqlite desk --password-file desk.pw
                """
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user's login name.") var name: String
        @Option(help: "A file holding the password (its first line).") var passwordFile: String?
        @Flag(help: "Remove console access instead of setting a password.") var remove = false

        /// The fewest characters a console password may have.
        static let minimumLength = 10

        func run() async throws {
            let database = try store.open()
            let user = try await Lookup.user(name, in: database)
            if remove {
                let removed = try await database.revokeConsoleAccess(user: user.id)
                print(removed ? "\(user.name) can no longer sign in to the console; their sessions are ended."
                              : "\(user.name) had no console access; nothing changed.")
                return
            }
            try ConsoleCommands.requireConsoleRole(user)
            let password = try readPassword()
            guard password.count >= Self.minimumLength else {
                throw CommandError("the password must have at least \(Self.minimumLength) characters; nothing was changed")
            }
            try await database.setConsolePassword(user: user.id, hash: try PasswordHash.hash(password), now: Date())
            print("Set the console password of \(user.name); they sign in at /console/ on the server's HTTP port.")
        }

        private func readPassword() throws -> String {
            if let passwordFile {
                do {
                    let text = try String(contentsOfFile: passwordFile, encoding: .utf8)
                    return String(text.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
                } catch {
                    throw CommandError("cannot read the password file \(passwordFile): \(error.localizedDescription)")
                }
            }
            if isatty(STDIN_FILENO) != 0, let typed = getpass("Console password for \(name): ") {
                let first = String(cString: typed)
                guard let again = getpass("Again: "), String(cString: again) == first else {
                    throw CommandError("the two passwords differ; nothing was changed")
                }
                return first
            }
            guard let line = readLine(strippingNewline: true) else {
                throw CommandError("no password given: type it at the prompt, pipe it in, or pass --password-file FILE")
            }
            return line
        }
    }

    /// `outpost-server user login-link NAME`: prints a one-time sign-in link.
    struct LoginLink: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "login-link",
            abstract: "Print a one-time link that signs a manager or the order desk in to the browser console (valid 15 minutes).",
            discussion: """
                Only the link's hash is stored; it works once. --next opens a console page after signing in.

                Example:
                  outpost-server user login-link --db hq.sqlite desk --url http://hq:8080
                """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The user's login name.") var name: String
        @Option(help: "The server's HTTP address as the browser reaches it.") var url = "http://127.0.0.1:8080"
        @Option(help: "A console page to open after signing in, e.g. /console/orders.") var next: String?

        struct Issued: Encodable {
            let url: String
            let user: String
            let expires: Date
        }

        func validate() throws {
            if let next, !next.hasPrefix("/console/") || next.contains("//") {
                throw ValidationError("--next must be a console page such as /console/orders")
            }
            guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                throw ValidationError("--url must start with http:// or https://, e.g. http://127.0.0.1:8080")
            }
        }

        func run() async throws {
            let database = try store.open()
            let user = try await Lookup.user(name, in: database)
            try ConsoleCommands.requireConsoleRole(user)
            let token = try ConsoleToken.make()
            let expires = Date().addingTimeInterval(ConsoleService.linkLifetime)
            try await database.addConsoleLink(tokenHash: ConsoleToken.hash(token)!, user: user.id, expiresAt: expires)
            let base = url.hasSuffix("/") ? String(url.dropLast()) : url
            var pathCharacters = CharacterSet.alphanumerics
            pathCharacters.insert(charactersIn: "/-._~")
            let link = base + "/console/login/" + token
                + (next.map { "?next=" + ($0.addingPercentEncoding(withAllowedCharacters: pathCharacters) ?? $0) } ?? "")
            if output.json {
                try Output.json(Issued(url: link, user: user.name, expires: expires))
            } else {
                print(link)
                print("Signs \(user.name) in once, until \(expires.formatted(.iso8601)).")
            }
        }
    }
}

/// What the console's commands share.
enum ConsoleCommands {
    /// Refuses users the console is not for.
    static func requireConsoleRole(_ user: User) throws {
        if let refusal = ConsoleAccess.refusal(for: user) {
            throw CommandError("\(user.name) is a \(user.role.rawValue): \(refusal)")
        }
    }
}
