import ArgumentParser
import FieldClient
import Foundation

/// `outpost where`: prints the replica folder the other commands will use.
struct Where: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the replica folder that commands use.",
        discussion: "Example:\n  OUTPOST_REPLICA=/data/outpost outpost where"
    )
    @OptionGroup var options: ReplicaOptions

    func run() {
        print(options.location.folder.path)
    }
}
