import Foundation
import Synchronization
import TestSupport

/// Runs the real command-line tools, the binaries the build made beside the test bundle,
/// and captures what they print.
enum CommandRun {
    /// What a finished command left.
    struct Output: Sendable {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `outpost ARGUMENTS` with the test devices' passphrase and `environment` added.
    static func outpost(_ arguments: [String], environment: [String: String] = [:]) async throws -> Output {
        var all = ["PATH": "/usr/bin:/bin", "OUTPOST_PASSPHRASE": LiveHub.passphraseText]
        all.merge(environment) { _, given in given }
        return try await run(ServerProcess.binary.deletingLastPathComponent().appendingPathComponent("outpost"), arguments, all)
    }

    /// Runs `outpost-server ARGUMENTS` (an admin command, not `serve`).
    static func server(_ arguments: [String], environment: [String: String] = [:]) async throws -> Output {
        try await run(ServerProcess.binary, arguments, ["PATH": "/usr/bin:/bin"].merging(environment) { _, given in given })
    }

    /// Runs `binary ARGUMENTS` with exactly `environment` (in `directory`, if given),
    /// off the cooperative pool.
    static func run(_ binary: URL, _ arguments: [String], _ environment: [String: String],
                    in directory: URL? = nil) async throws -> Output {
        try await blocking { Result { try runWaiting(binary, arguments, environment, in: directory) } }.get()
    }

    /// ``run(_:_:_:in:)`` on the calling thread, for a caller that must hold something
    /// (a lock) while the command runs. Standard input is empty, so nothing waits on it.
    static func runWaiting(_ binary: URL, _ arguments: [String], _ environment: [String: String],
                           in directory: URL? = nil) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes to their end before waiting, so a chatty command never blocks.
        let errors = Thread.detachedRead(err.fileHandleForReading)
        let printed = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: printed, as: UTF8.self),
                      stderr: String(decoding: errors.wait(), as: UTF8.self))
    }
}

/// The memory a process holds, from `/proc/PID/status` (Linux).
enum ProcessMemory {
    /// Resident set size now, in bytes (`VmRSS`).
    static func resident(_ pid: Int32) -> Int? { field("VmRSS", of: pid) }
    /// The highest resident set size so far, in bytes (`VmHWM`).
    static func peakResident(_ pid: Int32) -> Int? { field("VmHWM", of: pid) }

    private static func field(_ name: String, of pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(name + ":") }) else { return nil }
        return Int(line.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst().first ?? "").map { $0 * 1024 }
    }
}

extension Thread {
    /// Reads `handle` to its end on a thread of its own; `wait()` returns what it read.
    static func detachedRead(_ handle: FileHandle) -> PendingRead {
        let pending = PendingRead()
        Thread.detachNewThread {
            pending.finish(handle.readDataToEndOfFile())
        }
        return pending
    }
}

/// The result of a ``Thread/detachedRead(_:)``.
final class PendingRead: Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let data = Mutex<Data>(Data())

    func finish(_ read: Data) {
        data.withLock { $0 = read }
        done.signal()
    }

    func wait() -> Data {
        done.wait()
        return data.withLock { $0 }
    }
}
