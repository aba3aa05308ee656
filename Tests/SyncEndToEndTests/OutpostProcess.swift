import FieldClient
import Foundation
import OutpostModel
import TestSupport

/// Runs the real `outpost` binary (the one the build made beside the test bundle) as
/// its own process on a replica folder, and collects what it printed.
struct OutpostProcess {
    /// The `outpost` binary beside the test bundle.
    static let binary = ServerProcess.binary.deletingLastPathComponent().appendingPathComponent("outpost")

    /// What one run printed and how it ended.
    struct Run: Sendable {
        /// The exit status (the signal number when killed).
        let status: Int32
        let standardOutput: String
        let standardError: String
        /// Both streams, for messages that may land on either.
        var output: String { standardOutput + standardError }
    }

    /// Runs `outpost ARGUMENTS --replica folder` with `environment` (over a minimal
    /// `PATH`) and, unless `passphrase` is `nil`, `OUTPOST_PASSPHRASE`, off the
    /// cooperative pool.
    static func run(_ arguments: [String], replica folder: URL, passphrase: String? = LiveHub.passphraseText,
                    environment: [String: String] = [:]) async throws -> Run {
        try await blocking {
            Result { try runWaiting(arguments, replica: folder, passphrase: passphrase, environment: environment) }
        }.get()
    }

    /// ``run(_:replica:passphrase:environment:)`` on the calling thread, for a test that
    /// must hold something (a lock) while the command runs.
    static func runWaiting(_ arguments: [String], replica folder: URL, passphrase: String? = LiveHub.passphraseText,
                           environment: [String: String] = [:]) throws -> Run {
        var variables = ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }
        if let passphrase { variables["OUTPOST_PASSPHRASE"] = passphrase }
        let run = try CommandRun.runWaiting(binary, arguments + ["--replica", folder.path], variables)
        return Run(status: run.status, standardOutput: run.stdout, standardError: run.stderr)
    }
}

extension LiveHub {
    /// A bootstrapped device of `user` whose replica opens with a key file (no Argon2id
    /// on each of the many commands a test runs), and the environment naming that file.
    func keyFileDevice(_ user: User) async throws -> (Replica, [String: String]) {
        let keyFile = folder.appendingPathComponent("device-\(UUID().uuidString.prefix(8)).key")
        let rep = try await enrol(user, secret: .keyFile(keyFile))
        _ = try await sync(rep)
        return (rep, ["OUTPOST_KEY_FILE": keyFile.path])
    }
}
