import ArgumentParser
import FieldClient
import Foundation
import TerminalOutput

/// `outpost unlock`: checks the passphrase once and keeps the replica unlocked for a while.
struct Unlock: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Unlock the replica for a working session, so commands need no passphrase until it expires.",
        discussion: """
            Argon2id turns the passphrase into the replica's key in about 66 ms; unlocking
            does it once and keeps the key, readable by you alone (mode 0600), in
            $XDG_RUNTIME_DIR/outpost (memory, gone at logout) or else in the replica folder.
            `outpost lock` ends it early.
            Examples:
              outpost unlock
              OUTPOST_PASSPHRASE=… outpost unlock --hours 2 --json
            """
    )
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption

    @Option(help: "How many hours the replica stays unlocked.")
    var hours: Double = 8

    struct Result: Encodable {
        let replica: String
        let expires: Date
    }

    func validate() throws {
        guard hours > 0, hours <= 24 * 31 else { throw ValidationError("--hours must be more than 0 and at most 744 (31 days)") }
    }

    func run() throws {
        let folder = options.location.folder
        let expires = try Replica.unlock(folder, secret: try options.secret(), for: .seconds(Int64(hours * 3600)))
        let result = Result(replica: folder.path, expires: expires)
        if output.json { return try Output.json(result) }
        print("Unlocked until \(expires.formatted(.iso8601)). Lock it again with: outpost lock")
    }
}

/// `outpost lock`: forgets the unlocked key.
struct Lock: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lock the replica again: the next command needs the passphrase or key file.",
        discussion: "Example:\n  outpost lock"
    )
    @OptionGroup var options: ReplicaOptions

    func run() {
        let wasUnlocked = Replica.lock(options.location.folder)
        print(wasUnlocked ? "Locked." : "The replica was not unlocked.")
    }
}
