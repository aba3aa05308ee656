import Foundation
import Glibc
import Synchronization

/// A real `outpost-server serve` process, the binary the build made beside the test
/// bundle, on free loopback ports. Its standard error is drained for as long as it runs.
final class ServerProcess: Sendable {
    let httpPort: Int
    let syncPort: Int
    private let process: Process

    var serverURL: String { "http://127.0.0.1:\(httpPort)" }
    var tcpEndpoint: String { "tcp://127.0.0.1:\(syncPort)" }
    var httpEndpoint: String { "http://127.0.0.1:\(httpPort)/sync" }
    var pid: Int32 { process.processIdentifier }
    /// Whether the process still runs.
    var isRunning: Bool { process.isRunning }

    private init(process: Process, httpPort: Int, syncPort: Int) {
        self.process = process
        self.httpPort = httpPort
        self.syncPort = syncPort
    }

    /// The `outpost-server` binary in the build's bin folder (beside this test bundle).
    static var binary: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("outpost-server")
    }

    /// Starts `outpost-server serve` on `database` and returns once it listens; `launcher`
    /// runs it through another program (e.g. `["/usr/bin/prlimit", "--nofile=256:256", "--"]`).
    static func start(database: String, extraArguments: [String] = [], launcher: [String] = []) async throws -> ServerProcess {
        let process = Process()
        let serve = ["serve", "--db", database, "--host", "127.0.0.1", "--port", "0", "--sync-port", "0",
                     "--log-level", "notice"] + extraArguments
        process.executableURL = launcher.isEmpty ? binary : URL(fileURLWithPath: launcher[0])
        process.arguments = launcher.isEmpty ? serve : Array(launcher.dropFirst()) + [binary.path] + serve
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        let ports: (http: Int, sync: Int) = try await withCheckedThrowingContinuation { continuation in
            let reader = errors.fileHandleForReading
            Thread.detachNewThread {
                var text = ""
                var resumed = false
                while case let data = reader.availableData, !data.isEmpty {
                    guard !resumed else { continue }  // keep draining so the server never blocks on a full pipe
                    text += String(decoding: data, as: UTF8.self)
                    if let line = text.split(separator: "\n").first(where: { $0.contains("listening") }),
                       let http = Self.value(of: " port", in: line), let sync = Self.value(of: "sync_port", in: line) {
                        resumed = true
                        continuation.resume(returning: (http, sync))
                    }
                }
                if !resumed {
                    continuation.resume(throwing: ServerProcessError(message: "outpost-server exited before listening: \(text)"))
                }
            }
            // Should the launch fail, closing the write end ends the reader with the error above.
            try? process.run()
            try? errors.fileHandleForWriting.close()
        }
        return ServerProcess(process: process, httpPort: ports.http, syncPort: ports.sync)
    }

    /// The integer after `key=` in a log line.
    private static func value(of key: String, in line: Substring) -> Int? {
        guard let range = line.range(of: key + "=") else { return nil }
        return Int(line[range.upperBound...].prefix { $0.isNumber })
    }

    /// Kills the process with SIGKILL (no chance to clean up) and waits for it to end.
    func kill() {
        _ = Glibc.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}

struct ServerProcessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
