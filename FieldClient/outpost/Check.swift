import ArgumentParser
import FieldClient
import TerminalOutput

/// `outpost check`: verifies the replica file, its identity and every encrypted value.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the replica: SQLite's integrity, the identity's seal, and that every encrypted value opens.",
        discussion: """
            Runs SQLite's integrity check over every table and index, checks that the identity
            (server keys, sync endpoint, counters, cursor) was not altered, and opens and decodes
            each record, pending and refused change against its row, using none of them.
            Prints every problem found and exits non-zero when there is one.
            Example:
              outpost check --json
            """
    )
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let check = try Replica.check(options.location.folder) { () throws(ReplicaError) in try options.secret() }
        if output.json {
            try Output.json(check)
        } else if check.isIntact {
            print("Intact: \(check.records) records, \(check.pending) pending and \(check.rejected) refused changes.")
        } else {
            print("Damaged: \(check.problems.count) problem\(check.problems.count == 1 ? "" : "s") found.")
            for problem in check.problems { print("- \(problem)") }
            print("Move the replica folder aside and enrol the device again.")
        }
        if !check.isIntact { throw ExitCode.failure }
    }
}
