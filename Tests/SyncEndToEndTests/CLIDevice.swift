import Foundation
import OutpostModel
import Testing

/// A real `outpost` process's device: its own replica folder, enrolled on a hub, run
/// command by command through ``ToolRun``.
struct CLIDevice: Sendable {
    let environment: [String: String]

    /// Enrols a new device of `user` on `hub` with the real `outpost enrol`, and bootstraps it.
    static func enrolled(_ user: User, on hub: LiveHub, label: String = "handheld") async throws -> CLIDevice {
        let code = try await hub.code(for: user)
        let folder = hub.folder.appendingPathComponent("cli-\(user.name)-\(UUID().uuidString.prefix(8))")
        let device = CLIDevice(environment: ["OUTPOST_REPLICA": folder.path, "OUTPOST_PASSPHRASE": LiveHub.passphraseText])
        _ = try await device.succeed(["enrol", "--server", hub.serverURL, "--code", code, "--label", label])
        _ = try await device.succeed(["sync"])
        return device
    }

    func run(_ arguments: [String]) async throws -> ToolRun {
        try await ToolRun.run("outpost", arguments, environment: environment)
    }

    /// Runs a command that must succeed and returns its standard output.
    @discardableResult
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let run = try await run(arguments)
        try #require(run.status == 0, "outpost \(arguments.joined(separator: " ")) failed: \(run.errors)", sourceLocation: sourceLocation)
        return run.output
    }

    /// Runs a command with `--json` that must succeed and returns its objects.
    func objects(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) async throws -> [[String: Any]] {
        let output = try await succeed(arguments + ["--json"], sourceLocation: sourceLocation)
        let value = try JSONSerialization.jsonObject(with: Data(output.utf8))
        return value as? [[String: Any]] ?? (value as? [String: Any]).map { [$0] } ?? []
    }
}
