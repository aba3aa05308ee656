import FieldClient
import Foundation
import OutpostModel
import OutpostServer
import OutpostSQLite
import Testing
import TestSupport

/// A real `outpost-server serve` process on a database holding ``TestCompany``, with one
/// `rep.north` device enrolled and bootstrapped over its sockets, for tests that drive
/// both real binaries (`outpost --replica` on ``replicaFolder``).
struct RealServer: Sendable {
    let folder: URL
    let database: String
    let server: ServerProcess
    let company: TestCompany
    /// The device's replica, opened in this process (to make changes without the CLI).
    let replica: Replica
    var replicaFolder: URL { replica.folder }

    /// Starts the server with `extraArguments` (through `launcher`, if given) and enrols the device.
    static func start(extraArguments: [String] = [], launcher: [String] = []) async throws -> RealServer {
        try #require(FileManager.default.isExecutableFile(atPath: ServerProcess.binary.path),
                     "build outpost-server first (swift build --build-tests); looked for \(ServerProcess.binary.path)")
        let seeded = try await CompanyDatabase("outpost-real")
        let (folder, database, store, company) = (seeded.folder, seeded.path, seeded.store, seeded.company)
        let code = try await store.enrolmentCode(for: company.repNorth)
        let server = try await ServerProcess.start(database: database, extraArguments: extraArguments, launcher: launcher)
        let url = server.serverURL
        let device = folder.appendingPathComponent("device")
        let replica = try await blocking {
            Result { () throws(ReplicaError) in
                try Enrolment.enrol(folder: device, serverURL: url, code: code, label: "field", secret: LiveHub.passphrase).replica
            }
        }.get()
        _ = try await sync(replica, endpoint: server.tcpEndpoint, retries: 0)
        return RealServer(folder: folder, database: database, server: server, company: company, replica: replica)
    }

    /// `outpost sync` of the device, as its own process.
    func deviceSync(endpoint: String? = nil) async throws -> CommandRun.Output {
        try await CommandRun.outpost(["sync", "--replica", replicaFolder.path, "--endpoint", endpoint ?? server.tcpEndpoint,
                                      "--timeout", "15", "--retries", "1"])
    }

    /// Kills the server and removes the folder.
    func stop() {
        server.kill()
        try? FileManager.default.removeItem(at: folder)
    }
}
