import TerminalOutput
import ArgumentParser
import Foundation
import OutpostModel
import OutpostSQLite
import OutpostStore

/// `outpost-server device enrol|list|revoke`.
struct DeviceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "device",
        abstract: "Enrol, list and revoke field devices.",
        discussion: "Example:\n  outpost-server device enrol --db hq.sqlite --user rep.medium",
        subcommands: [Enrol.self, List.self, Revoke.self]
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
            let database = try store.open()
            let owner = try await Lookup.user(user, in: database)
            guard try await !database.disabledUsers().contains(owner.id) else {
                throw CommandError("\(owner.name) is disabled; enable them first with: outpost-server user enable \(owner.name)")
            }
            let (code, record) = try EnrolmentCodes.issue(for: owner.id, lifetime: .seconds(hours * 3600))
            try await database.addEnrolmentCode(record)
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
            let user: String
            let label: String
            let enrolled: Date?
            let lastSync: Date?
            let revoked: Bool
        }

        func run() async throws {
            let database = try store.open()
            let names = Dictionary(try await database.users().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let rows = try await database.devices().map { device in
                Row(id: device.id, user: names[device.userID] ?? device.userID.description, label: device.label,
                    enrolled: device.enrolledAt, lastSync: device.lastSyncAt, revoked: device.isRevoked)
            }
            if output.json {
                try Output.json(rows)
            } else if rows.isEmpty {
                print("No devices enrolled. Issue a code with: outpost-server device enrol --user NAME")
            } else {
                let show: (Date?) -> String = { $0?.formatted(.iso8601) ?? "never" }
                Output.table(["id", "user", "enrolled", "last sync", "revoked"],
                             rows.map { [$0.id.description, $0.user, show($0.enrolled), show($0.lastSync), $0.revoked ? "yes" : "no"] })
            }
        }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a device: its next sync is refused and it wipes its replica.",
            discussion: "Example:\n  outpost-server device revoke --db hq.sqlite \\\n    3f2b8c4e-1d2a-4b6f-9e1a-0c5d7e9f1a2b"
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The device id (see device list).") var id: String

        func run() async throws {
            let deviceID = try DeviceID(parsing: id, field: "device")
            try await store.open().revokeDevice(deviceID, at: Date())
            print("Revoked device \(deviceID)")
        }
    }
}
