import ArgumentParser
import Foundation
import FieldClient

/// `outpost`: the field client. Commands join as the sync protocol lands.
struct OutpostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "outpost",
        abstract: "The Outpost field client: an offline, encrypted replica of your territories.",
        discussion: """
            The replica lives in --replica, OUTPOST_REPLICA or ~/.outpost.

            Example:
              outpost where --replica ./ana
            """,
        version: "0.1.0",
        subcommands: [Where.self]
    )

    /// `outpost where`: prints the replica folder the other commands will use.
    struct Where: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the replica folder that commands use.",
            discussion: "Example:\n  OUTPOST_REPLICA=/data/outpost outpost where"
        )
        @Option(help: "The replica folder (or set OUTPOST_REPLICA).") var replica: String?

        func run() {
            print(ReplicaLocation(flag: replica).folder.path)
        }
    }
}

OutpostCommand.main()
