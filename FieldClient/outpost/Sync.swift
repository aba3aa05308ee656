import ArgumentParser
import FieldClient
import Foundation
import OutpostModel
import TerminalOutput

/// `outpost sync`: pushes pending writes and receives what this device lacks.
struct Sync: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Sync with the server: one round trip in steady state; a dropped link resumes.",
        discussion: """
            Examples:
              outpost sync
              outpost sync --endpoint http://proxy.example:8080/sync --json
              outpost sync --max-bytes 200KB
            """
    )
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption

    @Option(help: "Use this endpoint instead of the one learnt at enrolment (tcp://HOST:PORT or http://HOST:PORT/sync).")
    var endpoint: String?

    @Option(help: "Seconds the whole sync may take, retries included (a silent hub is given up on then).")
    var timeout = 30

    @Option(help: "How many times to retry a dropped link before giving up (progress is kept); a refused connection or an HTTP 4xx is not retried.")
    var retries = 3

    @Option(name: .customLong("max-bytes"),
            help: "The most document content to fetch in this sync, e.g. 2MB or 200KB (records always come in full; the rest follows next time).")
    var maxBytes: String?

    func validate() throws {
        if let maxBytes, ByteCount.parse(maxBytes) == nil {
            throw ValidationError("--max-bytes takes a size such as 2MB, 200KB or 1500 (got \"\(maxBytes)\")")
        }
    }

    func run() throws {
        var client = SyncClient(replica: try options.open())
        client.timeout = .seconds(timeout)
        client.retries = retries
        if let maxBytes, let budget = ByteCount.parse(maxBytes) { client.documentBudget = budget }
        // Near a quarter's edge the other quarter's total may be prepared: one forecast computes its own.
        client.forecastQuarters = [ForecastPeriod.quarter(of: Today.dayInUTC)]
        let display = TransferProgress.onStandardOutput(json: output.json)
        let report: SyncReport
        do {
            report = try client.sync(endpoint: endpoint) { display.show(records: $0.records, bytes: $0.bytesDown) }
        } catch {
            display.finish()
            throw error
        }
        display.finish()
        if output.json { return try Output.json(report) }
        print("Synced with \(report.endpoint): sent \(report.sent) changes (\(report.accepted) accepted, \(report.rejected) rejected), "
            + "received \(report.received) records, evicted \(report.evicted), \(report.conflicts) with conflicts.")
        print("Bytes: \(report.bytesUp) up, \(report.bytesDown) down in \(report.exchanges) exchange\(report.exchanges == 1 ? "" : "s").")
        if report.serverRestored {
            print("The server was restored from a backup: \(report.resent) change\(report.resent == 1 ? "" : "s") it had lost "
                + "\(report.resent == 1 ? "was" : "were") sent again, and every record was read again.")
        } else if let counter = report.counterAdopted {
            print("This replica was behind the server (restored from an older copy?): it continues from request \(counter)"
                + (report.renumbered > 0 ? ", and \(report.renumbered) change\(report.renumbered == 1 ? " was" : "s were") numbered again and sent." : "."))
        } else if report.renumbered > 0 {
            print("\(report.renumbered) change\(report.renumbered == 1 ? " was" : "s were") numbered again and sent: the server had other changes under their numbers (was this replica restored from an older copy?).")
        }
        if report.documentChunks > 0 || report.documentBytesLeft > 0 {
            print("Documents: \(ByteCount.text(report.documentBytes)) fetched"
                + (report.documentBytesLeft > 0 ? ", \(ByteCount.text(report.documentBytesLeft)) still to fetch (next sync)." : "."))
        }
        if let problem = report.documentError { print("Documents: \(problem)") }
        if report.rejected > 0 { print("See why with: outpost rejected list") }
    }
}
