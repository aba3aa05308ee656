import Foundation
import Glibc

/// A real `outpost-server serve` on loopback over a demo company made for the run,
/// and the server CPU time it has used (from `/proc/PID/stat`).
final class ServerUnderLoad {
    let binary: URL
    let database: String
    private(set) var process: Process?
    private(set) var httpPort = 0

    /// Makes a demo company at `scale` in `folder/hq.sqlite` with `outpost-server init` and `demo`.
    init(binary: URL, folder: URL, scale: String) throws {
        self.binary = binary
        database = folder.appendingPathComponent("hq.sqlite").path
        try run(["init", "--db", database])
        try run(["demo", "--db", database, "--scale", scale])
    }

    /// The demo's reps, by login name.
    func reps() throws -> [String] {
        try users().filter { $0.role == "rep" }.map(\.name).sorted()
    }

    /// The login name of the manager assigned `territory` (e.g. `DACH`, `World`).
    func manager(of territory: String) throws -> String {
        guard let found = try users().first(where: { $0.role == "manager" && $0.territories.contains(territory) }) else {
            throw LoadError("the demo company has no manager of \(territory)")
        }
        return found.name
    }

    /// A user as `outpost-server user list --json` prints one.
    struct UserRow: Decodable { let name: String; let role: String; let territories: [String] }

    private func users() throws -> [UserRow] {
        try JSONDecoder().decode([UserRow].self, from: try run(["user", "list", "--db", database, "--json"]))
    }

    /// A one-time enrolment code for a device of `user`.
    func enrolmentCode(user: String) throws -> String {
        struct Issued: Decodable { let code: String }
        return try JSONDecoder().decode(Issued.self, from: try run(["device", "enrol", "--db", database, "--user", user, "--json"])).code
    }

    /// Starts `serve` on free loopback ports, with limits that let every device sync
    /// back to back, and waits until it accepts connections.
    func serve(logLevel: String, extra: [String]) throws {
        httpPort = try Self.freePort()
        let syncPort = try Self.freePort()
        let process = Process()
        process.executableURL = binary
        process.arguments = [
            "serve", "--db", database, "--host", "127.0.0.1", "--port", "\(httpPort)", "--sync-port", "\(syncPort)",
            "--log-level", logLevel, "--sync-burst", "1000000000", "--sync-rate", "1000000000",
            "--max-connections", "4096", "--max-connections-per-address", "4096",
        ] + extra
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        self.process = process
        for _ in 0..<300 {
            if Self.accepts(port: httpPort) && Self.accepts(port: syncPort) { return }
            usleep(50_000)
        }
        throw LoadError("outpost-server serve did not start listening within 15 s")
    }

    /// The server's CPU time so far (user + system), in seconds.
    func cpuSeconds() throws -> Double {
        guard let process else { throw LoadError("the server is not running") }
        let text = try String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)
        // Fields after the command name (which may hold spaces) start at field 3, state.
        guard let close = text.lastIndex(of: ")") else { throw LoadError("unreadable /proc stat") }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { throw LoadError("unreadable /proc stat") }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Stops the server (SIGTERM, a graceful shutdown).
    func stop() {
        guard let process, process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    deinit { stop() }

    @discardableResult
    private func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LoadError("outpost-server \(arguments.prefix(2).joined(separator: " ")) failed: \(String(decoding: message, as: UTF8.self))")
        }
        return data
    }

    private static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw LoadError("no free loopback port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    private static func accepts(port: Int) -> Bool {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
    }
}
