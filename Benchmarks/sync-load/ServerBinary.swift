import ArgumentParser
import Foundation

/// The `--server` option of every `sync-load` command: the `outpost-server` binary to run.
struct ServerBinary: ParsableArguments {
    @Option(help: "The outpost-server binary (default: the one beside this program).")
    var server: String?

    /// The binary given, or the `outpost-server` beside this program.
    var url: URL {
        server.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("outpost-server")
    }
}
