import ArgumentParser
import FieldClient
import Foundation

/// The options every command that touches the replica shares: where it is and what
/// opens it (DESIGN.md §8).
struct ReplicaOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The replica folder (or set OUTPOST_REPLICA; default ~/.outpost).", valueName: "folder"))
    var replica: String?

    @Option(help: ArgumentHelp("Read the replica's passphrase from this file (or set OUTPOST_PASSPHRASE; "
        + "on a terminal you are asked).", valueName: "file"))
    var passphraseFile: String?

    @Option(help: ArgumentHelp("Open the replica with this key file instead of a passphrase, for unattended devices "
        + "(or set OUTPOST_KEY_FILE).", valueName: "file"))
    var keyFile: String?

    /// The folder the flag, the environment or the default names.
    var location: ReplicaLocation { ReplicaLocation(flag: replica) }

    /// Opens the enrolled replica: through an unexpired `outpost unlock` if there is
    /// one, else with the secret the flags, the environment or a prompt give.
    func open() throws -> Replica {
        try Replica.open(location.folder) { () throws(ReplicaError) in try secret() }
    }

    /// The secret that opens (or, with `confirm`, will protect) the replica:
    /// `--key-file`, `--passphrase-file`, `OUTPOST_KEY_FILE`, `OUTPOST_PASSPHRASE`, then a
    /// prompt without echo when standard input is a terminal.
    /// - Parameter confirm: ask twice (a new passphrase at enrolment).
    /// - Throws: `.locked` when none is given and there is no terminal to ask on.
    func secret(confirm: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) throws(ReplicaError) -> ReplicaSecret {
        if keyFile != nil && passphraseFile != nil {
            throw ReplicaError(.invalid, "give either --key-file or --passphrase-file, not both")
        }
        if let keyFile { return .keyFile(URL(fileURLWithPath: keyFile)) }
        if let passphraseFile { return try .passphrase(file: URL(fileURLWithPath: passphraseFile)) }
        if let path = environment["OUTPOST_KEY_FILE"], !path.isEmpty { return .keyFile(URL(fileURLWithPath: path)) }
        if let text = environment["OUTPOST_PASSPHRASE"], !text.isEmpty { return .passphrase(text: text) }
        guard isatty(STDIN_FILENO) == 1 else {
            throw ReplicaError(.locked, "the replica is locked: run outpost unlock on a terminal, or pass --passphrase-file FILE, "
                + "OUTPOST_PASSPHRASE or --key-file FILE")
        }
        let passphrase = try PassphrasePrompt.ask(confirm ? "New passphrase for the replica: " : "Replica passphrase: ")
        if confirm, try PassphrasePrompt.ask("Repeat the passphrase: ") != passphrase {
            throw ReplicaError(.invalid, "the two passphrases differ; nothing was changed")
        }
        return .passphrase(passphrase)
    }
}

/// The `--json` flag of commands that print data.
struct JSONOption: ParsableArguments {
    @Flag(name: .long, help: "Print JSON for scripts instead of text.")
    var json = false
}
