import ArgumentParser
import FieldClient
import Foundation

/// `outpost passphrase change`: re-wraps the replica key under a new passphrase.
struct PassphraseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passphrase",
        abstract: "Manage the passphrase that protects the replica.",
        discussion: "Example:\n  outpost passphrase change --new-passphrase-file new.txt",
        subcommands: [Change.self]
    )

    struct Change: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Protect the replica with a new passphrase; the old one opens nothing afterwards.",
            discussion: """
                Needs the current passphrase (prompt, --passphrase-file or OUTPOST_PASSPHRASE) and the new
                one (--new-passphrase-file, OUTPOST_NEW_PASSPHRASE, or asked twice on a terminal), at least
                12 characters. The replica's data is not re-encrypted: its key is wrapped again, under a new
                salt. The replica is locked afterwards.
                Example:
                  outpost passphrase change
                  OUTPOST_PASSPHRASE=… OUTPOST_NEW_PASSPHRASE=… outpost passphrase change
                """
        )
        @OptionGroup var options: ReplicaOptions

        @Option(help: ArgumentHelp("Read the new passphrase from this file (or set OUTPOST_NEW_PASSPHRASE).", valueName: "file"))
        var newPassphraseFile: String?

        func run() throws {
            let current = try options.secret()
            let new: ReplicaSecret
            if let newPassphraseFile {
                new = try .passphrase(file: URL(fileURLWithPath: newPassphraseFile))
            } else if let text = ProcessInfo.processInfo.environment["OUTPOST_NEW_PASSPHRASE"], !text.isEmpty {
                new = .passphrase(text: text)
            } else {
                guard isatty(STDIN_FILENO) == 1 else {
                    throw ReplicaError(.invalid, "give the new passphrase with --new-passphrase-file FILE or OUTPOST_NEW_PASSPHRASE; nothing was changed")
                }
                let typed = try PassphrasePrompt.ask("New passphrase: ")
                guard try PassphrasePrompt.ask("Repeat the new passphrase: ") == typed else {
                    throw ReplicaError(.invalid, "the two passphrases differ; nothing was changed")
                }
                new = .passphrase(typed)
            }
            try Replica.changeSecret(options.location.folder, current: current, new: new)
            print("Passphrase changed; the replica is locked. Unlock it with the new one: outpost unlock")
        }
    }
}
