import ArgumentParser
import FieldClient
import TerminalOutput

/// `outpost check`: verifies every encrypted value of the replica.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that every encrypted value of the replica opens: nothing was altered or damaged.",
        discussion: """
            Opens each record, pending and refused change against its row and uses none of them;
            exits non-zero naming the first that fails.
            Example:
              outpost check --json
            """
    )
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption

    func run() throws {
        let check = try options.open().check()
        if output.json { return try Output.json(check) }
        print("Intact: \(check.records) records, \(check.pending) pending and \(check.rejected) refused changes.")
    }
}
