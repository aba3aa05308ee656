import Foundation
import TestSupport

/// Runs `outpost-server ARGUMENTS` (the built binary, see ``ServerProcess/binary``) to
/// completion and returns its exit status and output, as an admin's shell would.
func runServerCommand(_ arguments: [String]) async throws -> (status: Int32, output: String, errors: String) {
    let run = try await CommandRun.run(ServerProcess.binary, arguments, ProcessInfo.processInfo.environment)
    return (run.status, run.stdout, run.stderr)
}

/// One HTTP/1.1 exchange with `127.0.0.1:port` over a fresh connection: the status
/// code and the body (chunked bodies are not decoded; the routes tested answer whole).
func httpExchange(port: Int, method: String, path: String, headers: [String: String] = [:], body: [UInt8] = [])
    async throws -> (status: Int, body: String) {
    var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Length: \(body.count)\r\n"
    for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
    let response = try await sendAndWaitForClose(to: port, Array((head + "\r\n").utf8) + body)
    let text = String(decoding: response, as: UTF8.self)
    let parts = text.components(separatedBy: "\r\n\r\n")
    let statusLine = parts[0].components(separatedBy: "\r\n")[0].split(separator: " ")
    return (statusLine.count > 1 ? Int(statusLine[1]) ?? 0 : 0, parts.dropFirst().joined(separator: "\r\n\r\n"))
}
