import Foundation
import StoreTestSupport
import TestSupport

/// One finished run of `outpost-server` or `outpost` as its own process.
struct ToolRun: Sendable {
    let status: Int32
    let output: String
    let errors: String

    /// The build's bin folder, beside this test bundle.
    static let binFolder = ServerProcess.binary.deletingLastPathComponent()

    /// Runs `tool ARGUMENTS` in `folder` (the working directory) with `environment`
    /// added to a minimal one, and waits for it to end. Its output goes to files, so a
    /// chatty tool never blocks on a full pipe.
    static func run(_ tool: String, _ arguments: [String], in folder: URL? = nil,
                    environment: [String: String] = [:]) async throws -> ToolRun {
        let scratch = try ScratchFolder("outpost-run")
        defer { scratch.remove() }
        let outputURL = scratch.url.appendingPathComponent("out"), errorsURL = scratch.url.appendingPathComponent("err")
        FileManager.default.createFile(atPath: outputURL.path, contents: nil)
        FileManager.default.createFile(atPath: errorsURL.path, contents: nil)

        let process = Process()
        process.executableURL = binFolder.appendingPathComponent(tool)
        process.arguments = arguments
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": scratch.url.path].merging(environment) { $1 }
        if let folder { process.currentDirectoryURL = folder }
        process.standardOutput = try FileHandle(forWritingTo: outputURL)
        process.standardError = try FileHandle(forWritingTo: errorsURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let status = try await blocking {
            process.waitUntilExit()
            return process.terminationStatus
        }
        return ToolRun(status: status, output: try String(contentsOf: outputURL, encoding: .utf8),
                       errors: try String(contentsOf: errorsURL, encoding: .utf8))
    }
}
