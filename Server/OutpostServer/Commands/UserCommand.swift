import ArgumentParser
import Foundation
import OutpostModel
import OutpostSQLite
import OutpostStore

/// `outpost-server user add|list|assign|disable|enable|password|login-link`.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Manage users and their territories.",
        discussion: "Example:\n  outpost-server user list --db hq.sqlite --json",
        subcommands: [Add.self, List.self, Assign.self, Disable.self, Enable.self, Password.self, LoginLink.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add a user.",
            discussion: """
                Example:
                  outpost-server user add --db hq.sqlite ana.lopez --display-name \\
                    "Ana López" --role rep --territory Bavaria
                """
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "Login name: lower-case letters, digits, '.', '-', '_'.") var name: String
        @Option(help: "The name shown to people.") var displayName: String?
        @Option(help: "rep, manager, desk or admin.") var role: String = "rep"
        @Option(help: "A territory the user works (repeat for several).") var territory: [String] = []

        func run() async throws {
            let user = try await store.withDirectory { database in
                let tree = try await database.territoryTree()
                let user = User(name: name, displayName: displayName ?? name, role: try Role(parsing: role),
                                territoryIDs: try territory.map { try Lookup.territory($0, in: tree).id })
                try user.validate()
                try await database.addUser(user)
                return user
            }
            print("Added \(user.role.rawValue) \(user.name) (\(user.id))")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List users with their roles and territories.",
            discussion: "Example:\n  outpost-server user list --db hq.sqlite --json"
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        struct Row: Encodable {
            let id: UserID
            let name: String
            let displayName: String
            let role: Role
            let territories: [String]
        }

        func run() async throws {
            let rows = try await store.withDirectory { database in
                let tree = try await database.territoryTree()
                return try await database.users().map { user in
                    Row(id: user.id, name: user.name, displayName: user.displayName, role: user.role,
                        territories: user.territoryIDs.compactMap { tree.byID[$0]?.name })
                }
            }
            try output.print(rows, headers: ["name", "role", "display name", "territories"]) {
                [$0.name, $0.role.rawValue, $0.displayName, $0.territories.joined(separator: ", ")]
            }
        }
    }

    struct Assign: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Replace the territories a user works; scopes change at each device's next sync.",
            discussion: "Example:\n  outpost-server user assign --db hq.sqlite ana.lopez --territory Bavaria \\\n    --territory Swabia"
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user's login name.") var name: String
        @Option(help: "A territory (repeat for several); none clears them.") var territory: [String] = []

        func run() async throws {
            let (user, ids) = try await store.withDirectory { database in
                let tree = try await database.territoryTree()
                let user = try await Lookup.user(name, in: database)
                let ids = try territory.map { try Lookup.territory($0, in: tree).id }
                try await database.assign(user.id, to: ids)
                return (user, ids)
            }
            print("\(user.name) now works: \(ids.isEmpty ? "no territory" : territory.joined(separator: ", "))")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Disable a user: each of their devices uploads what it sends at its next sync, then is told to wipe.",
            discussion: """
                No new enrolment code is issued for a disabled user. `user enable` lets them enrol again
                (a wiped device must enrol anew).

                Example:
                  outpost-server user disable --db hq.sqlite ana.lopez
                """
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user's login name.") var name: String

        func run() async throws {
            let (user, devices) = try await store.withDirectory { database in
                let user = try await Lookup.user(name, in: database)
                try await database.setUserDisabled(user.id, at: Date())
                return (user, try await database.devices().filter { $0.userID == user.id && !$0.isRevoked })
            }
            print("Disabled \(user.name); \(devices.count) \(devices.count == 1 ? "device wipes" : "devices wipe") at the next sync, after uploading pending changes")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enable a disabled user again.",
            discussion: "Example:\n  outpost-server user enable --db hq.sqlite ana.lopez"
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The user's login name.") var name: String

        func run() async throws {
            let user = try await store.withDirectory { database in
                let user = try await Lookup.user(name, in: database)
                try await database.setUserDisabled(user.id, at: nil)
                return user
            }
            print("Enabled \(user.name); enrol a device with: outpost-server device enrol --user \(user.name)")
        }
    }
}
