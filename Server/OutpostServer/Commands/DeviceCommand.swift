import TerminalOutput
import ArgumentParser
import Foundation
import OutpostModel
import OutpostSQLite
import OutpostStore

/// `outpost-server device enrol|list|retire|revoke`.
struct DeviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device",
        abstract: "Enrol, list, retire and revoke field devices.",
        discussion: "Example:\n  outpost-server device enrol --db hq.sqlite --user rep.medium",
        subcommands: [Enrol.self, List.self, Retire.self, Revoke.self]
    )

    struct Enrol: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a one-time code with which a user's device enrols.",
            discussion: """
                The code is single-use and expires (default 24 hours); only its hash is stored.
                On the device: outpost enrol --server URL --code CODE

                Example:
                  outpost-server device enrol --db hq.sqlite --user rep.medium --json
                """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The login name of the user the device belongs to.") var user: String
        @Option(help: "Hours until the code expires.") var hours: Int = 24
        @Option(help: "The server address the device should use.") var server = "http://127.0.0.1:8080"

        struct Issued: Encodable {
            let code: String
            let server: String
            let user: String
            let expires: Date
        }

        func run() async throws {
            guard (1...24 * 30).contains(hours) else { throw CommandError("--hours must be between 1 and 720") }
            let (owner, code, record) = try await store.withEnrolment { [user, hours] database in
                let owner = try await Lookup.user(user, in: database)
                guard try await !database.disabledUsers().contains(owner.id) else {
                    throw CommandError("\(owner.name) is disabled; enable them first with: outpost-server user enable \(owner.name)")
                }
                let (code, record) = try await EnrolmentCodes.issue(for: owner.id, lifetime: .seconds(hours * 3600), in: database)
                return (owner, code, record)
            }
            let issued = Issued(code: code, server: server, user: owner.name, expires: record.expiresAt)
            if output.json {
                try Output.json(issued)
            } else {
                print("Enrolment code for \(owner.name): \(code)  (expires \(record.expiresAt.formatted(.iso8601)))")
                print("On the device: outpost enrol --server \(server) --code \(code)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List enrolled devices.",
            discussion: "Example:\n  outpost-server device list --db hq.sqlite --json"
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        struct Row: Encodable {
            let id: DeviceID
            /// The replica number its writes carry (what conflicts on other devices name).
            let number: Int?
            let user: String
            let label: String
            let enrolled: Date?
            let lastSync: Date?
            let revoked: Bool
            /// When an admin asked for the device to be retired (it wipes after uploading its changes).
            let retiring: Date?
            /// The last time the device tried to sync after it was revoked (it was refused and told to wipe).
            let refusedSync: Date?

            enum CodingKeys: String, CodingKey {
                case id, number, user, label, enrolled, lastSync, revoked, retiring, refusedSync = "refused_sync"
            }

            /// `device 3 (rep.medium, demo-handheld)`; a device never enrolled has no number.
            var described: String {
                number.map { DeviceName.described(number: $0, user: user, label: label) } ?? "\(user), \(label)"
            }

            /// The state in one word for the table.
            var state: String {
                if revoked { return retiring != nil ? "retired" : "revoked" }
                return retiring != nil ? "retiring" : "active"
            }
        }

        func run() async throws {
            let (users, retiring, numbers, devices) = try await store.withDirectory { database in
                (try await database.users(), try await database.deviceRetirements(), try await database.deviceNumbers(),
                 try await database.devices())
            }
            let names = Dictionary(users.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let rows = devices.map { device in
                // A revoked device's syncs still stamp `last_sync_at`: one after the revocation was refused.
                let refused = device.revokedAt.flatMap { revoked in device.lastSyncAt.flatMap { $0 > revoked ? $0 : nil } }
                return Row(id: device.id, number: numbers[device.id], user: names[device.userID] ?? device.userID.description, label: device.label,
                           enrolled: device.enrolledAt, lastSync: device.lastSyncAt, revoked: device.isRevoked,
                           retiring: retiring[device.id], refusedSync: refused)
            }
            let show: (Date?) -> String = { $0?.formatted(.iso8601) ?? "never" }
            try output.print(rows, headers: ["id", "device", "enrolled", "last sync", "state", "refused sync"], maxCellWidth: 64,
                             empty: "No devices enrolled. Issue a code with: outpost-server device enrol --user NAME") {
                [$0.id.description, $0.described, show($0.enrolled), show($0.lastSync), $0.state, $0.refusedSync.map(show) ?? "-"]
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a lost or stolen device: its next sync is refused and it wipes its replica at once.",
            discussion: """
                Changes the device made but never synced are lost with it (it says how many);
                for a device handed back, use device retire instead. Example:
                  outpost-server device revoke --db hq.sqlite 3f2b8c4e
                """
        )
        @OptionGroup var device: DeviceTarget

        func run() async throws {
            let described = try await device.change { try await $0.revokeDevice($1, at: Date()) }
            print("Revoked \(described): its next sync is refused and wipes it")
        }
    }

    struct Retire: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Retire a device being handed back or replaced: it uploads its pending changes, then wipes.",
            discussion: """
                The device's next sync uploads and settles every pending change as usual; the
                sync after that (with nothing left to send) wipes it, and it is revoked. Example:
                  outpost-server device retire --db hq.sqlite 3f2b8c4e
                """
        )
        @OptionGroup var device: DeviceTarget

        func run() async throws {
            let described = try await device.change { try await $0.retireDevice($1, at: Date()) }
            print("Retiring \(described): its next sync uploads its pending changes, then it wipes")
        }
    }

    /// What retire and revoke share: the database and the device named.
    struct DeviceTarget: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @Argument(help: "The device id, a unique prefix of it, or its last 8 hex digits (see device list).") var id: String

        /// Finds the device, makes `change` to it and describes it for the message that follows.
        func change(_ change: (any DirectoryStore, DeviceID) async throws -> Void) async throws -> String {
            try await store.withDirectory { database in
                let device = try await Lookup.device(id, in: database)
                try await change(database, device.id)
                return try await DeviceCommand.described(device, in: database)
            }
        }
    }

    /// `device 3 (rep.medium, demo-handheld) 3f2b8c4e-…`: number, user and label, then the id admins type.
    static func described(_ device: Device, in database: any DirectoryStore) async throws -> String {
        let user = try await database.users().first { $0.id == device.userID }?.name ?? device.userID.description
        let number = try await database.deviceNumbers()[device.id]
        let name = number.map { DeviceName.described(number: $0, user: user, label: device.label) } ?? "device (\(user), \(device.label))"
        return "\(name) \(device.id)"
    }
}
