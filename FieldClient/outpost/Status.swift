import ArgumentParser
import FieldClient
import Foundation
import OutpostReplication
import TerminalOutput

/// `outpost status`: who this device is, what is pending, when it last synced.
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show this device's user, records, pending changes and last sync.",
        discussion: "Example:\n  outpost status --json"
    )
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption

    struct Report: Encodable {
        let user: String
        let role: String
        let device: UInt32
        let endpoint: String
        let lastSync: Date?
        let pending: Int
        let rejected: Int
        let records: [String: Int]

        enum CodingKeys: String, CodingKey {
            case user, role, device, endpoint, pending, rejected, records
            case lastSync = "last_sync"
        }
    }

    func run() throws {
        let replica = try options.open()
        let identity = try replica.identity()
        let report = Report(
            user: identity.userName, role: identity.role, device: identity.deviceNumber, endpoint: identity.syncEndpoint,
            lastSync: identity.lastSyncAt.map { Date(timeIntervalSince1970: Double($0) / 1000) },
            pending: try replica.pendingWrites().count, rejected: try replica.rejectedWrites().count,
            records: Dictionary(uniqueKeysWithValues: try replica.counts().map { ($0.key.name, $0.value) }))
        if output.json { return try Output.json(report) }
        print("User:      \(report.user) (\(report.role)), device \(report.device)")
        print("Endpoint:  \(report.endpoint)")
        print("Last sync: \(report.lastSync.map { $0.formatted(.iso8601) } ?? "never")")
        print("Pending:   \(report.pending) change\(report.pending == 1 ? "" : "s")  Rejected: \(report.rejected)")
        print("Records:   " + report.records.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
    }
}
