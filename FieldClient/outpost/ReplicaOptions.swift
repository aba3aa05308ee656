import ArgumentParser
import FieldClient

/// The `--replica` option every command shares.
struct ReplicaOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The replica folder (or set OUTPOST_REPLICA; default ~/.outpost).", valueName: "folder"))
    var replica: String?

    /// The folder the flag, the environment or the default names.
    var location: ReplicaLocation { ReplicaLocation(flag: replica) }

    /// Opens the enrolled replica.
    func open() throws -> Replica { try Replica.open(location.folder) }
}

/// The `--json` flag of commands that print data.
struct JSONOption: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of text.")
    var json = false
}
