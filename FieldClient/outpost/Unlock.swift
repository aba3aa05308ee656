import ArgumentParser
import FieldClient
import Foundation
import TerminalOutput

/// `outpost unlock`: checks the passphrase once and keeps the replica unlocked for a while.
struct Unlock: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Unlock the replica for a working session, so commands need no passphrase until it expires.",
        discussion: """
            Argon2id (libsodium's moderate limits: 256 MiB) turns the passphrase into the
            replica's key; unlocking does it once and keeps the key in your kernel keyring
            (Linux keyrings(7)), readable by you alone and never written to disk. The kernel
            destroys it when the time is up; `outpost lock` ends it at once.
            Examples:
              outpost unlock
              OUTPOST_PASSPHRASE=… outpost unlock --hours 2 --json
            """
    )
    @OptionGroup var options: ReplicaOptions
    @OptionGroup var output: JSONOption

    @Option(help: "How many hours the replica stays unlocked (the kernel enforces it).")
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

/// `outpost lock`: destroys the unlocked key.
struct Lock: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Lock the replica again at once: the next command needs the passphrase or key file.",
        discussion: "Example:\n  outpost lock"
    )
    @OptionGroup var options: ReplicaOptions

    func run() {
        let wasUnlocked = Replica.lock(options.location.folder)
        print(wasUnlocked ? "Locked." : "The replica was not unlocked.")
    }
}
