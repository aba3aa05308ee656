import ArgumentParser
import FieldClient
import Foundation
import MergeEngine
import OutpostModel
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
        let changes: [Change]
        let bytesToSend: Int
        let plaintextBytes: Int

        enum CodingKeys: String, CodingKey {
            case user, role, device, endpoint, pending, rejected, records, changes
            case lastSync = "last_sync"
            case bytesToSend = "bytes_to_send"
            case plaintextBytes = "plaintext_bytes"
        }
    }

    /// One pending change.
    struct Change: Encodable {
        let change: UInt64
        let kind: String
        let record: String
        let operation: String
        let fields: [String]
        let at: Date
    }

    func run() throws {
        let replica = try options.open()
        let identity = try replica.identity()
        let next = try SyncClient(replica: replica).pendingRequest()
        let changes = next.writes.map { write in
            let kind = (try? replica.record(write.record))?.kind
            return Change(change: write.dot.counter, kind: kind?.name ?? "record", record: EntityIDText.uuid(write.record),
                          operation: write.operation.name,
                          fields: write.operation.fields.keys.sorted().map { kind?.fieldName($0) ?? "\($0)" },
                          at: Date(milliseconds: write.time.milliseconds))
        }
        let report = Report(
            user: identity.userName, role: identity.role, device: identity.deviceNumber, endpoint: identity.syncEndpoint,
            lastSync: identity.lastSyncAt.map(Date.init(milliseconds:)),
            pending: changes.count, rejected: try replica.rejectedWrites().count,
            records: Dictionary(uniqueKeysWithValues: try replica.counts().map { ($0.key.name, $0.value) }),
            changes: changes, bytesToSend: next.sealedBytes, plaintextBytes: next.plaintextBytes)
        if output.json { return try Output.json(report) }
        print("User:      \(report.user) (\(report.role)), \(try DeviceNaming(Directory(replica: replica)).thisDevice)")
        print("Endpoint:  \(report.endpoint)")
        print("Last sync: \(report.lastSync.map { $0.formatted(.iso8601) } ?? "never")")
        print("Pending:   \(report.pending) change\(report.pending == 1 ? "" : "s")  Rejected: \(report.rejected)")
        print("Next sync: \(report.bytesToSend) bytes sealed to send (\(report.plaintextBytes) before compression and sealing)")
        print("Records:   " + report.records.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        guard !changes.isEmpty else { return }
        Output.table(["#", "KIND", "RECORD", "CHANGE", "FIELDS"],
                     changes.map { ["\($0.change)", $0.kind, ShortID.of($0.record), $0.operation, $0.fields.joined(separator: ",")] },
                     fitting: 80)
    }
}
