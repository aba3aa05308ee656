import Foundation
import TestSupport

/// The real `outpost` binary (built beside the test bundle) run on one replica folder,
/// with the test passphrase, capturing what it prints.
struct FieldCLI: Sendable {
    /// The `outpost` binary in the build's bin folder.
    static let binary = ServerProcess.binary.deletingLastPathComponent().appendingPathComponent("outpost")

    /// What one run printed and how it ended.
    struct Run: Sendable {
        let status: Int32
        let output: String
        let errors: String

        /// The standard output parsed as a JSON object.
        var object: [String: Any] { ((try? JSONSerialization.jsonObject(with: Data(output.utf8))) as? [String: Any]) ?? [:] }
        /// The standard output parsed as a JSON array of objects.
        var array: [[String: Any]] { ((try? JSONSerialization.jsonObject(with: Data(output.utf8))) as? [[String: Any]]) ?? [] }
    }

    /// The replica folder every command works on.
    let replica: URL

    /// Runs `outpost ARGUMENTS --replica FOLDER` and waits for it to end.
    func run(_ arguments: [String]) async throws -> Run {
        let environment = ["OUTPOST_PASSPHRASE": LiveHub.passphraseText, "PATH": "/usr/bin:/bin",
                           "XDG_RUNTIME_DIR": replica.deletingLastPathComponent().path]
        let run = try await CommandRun.run(Self.binary, arguments + ["--replica", replica.path], environment)
        return Run(status: run.status, output: run.stdout, errors: run.stderr)
    }

    /// Runs a command that must succeed.
    @discardableResult
    func ok(_ arguments: String...) async throws -> Run {
        let run = try await run(arguments)
        guard run.status == 0 else {
            throw ServerProcessError(message: "outpost \(arguments.joined(separator: " ")) exited \(run.status): \(run.errors)")
        }
        return run
    }
}
