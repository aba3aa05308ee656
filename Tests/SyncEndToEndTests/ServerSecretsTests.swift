import FieldClient
import Foundation
import GRDB
import OutpostModel
import OutpostServer
import OutpostSQLite
import OutpostStore
import SodiumKit
import SyncChannel
import StoreTestSupport
import Testing
import TestSupport

/// The server's secrets at rest, checked on the real `outpost-server` binary.
@Suite("Server secrets at rest", .serialized)
struct ServerSecretsTests {

    /// The permission bits of `path`.
    static func mode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    @Test("A database others may read is refused by serve and every command with the chmod to run; its WAL is forced to 0600")
    func readableDatabaseRefused() async throws {
        let folder = try ScratchFolder("outpost-secrets")
        defer { folder.remove() }
        let database = folder.path("hq.sqlite")
        #expect(try await CommandRun.server(["init", "--db", database]).status == 0)
        #expect(Self.mode(database) == 0o600)
        #expect(Self.mode(ServerSecrets.keyFilePath(forDatabase: database)) == 0o600)

        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: database)
        let refused = try await CommandRun.server(["device", "list", "--db", database])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("chmod 600 \(database)"), "\(refused.stderr)")
        let serve = await #expect(throws: ServerProcessError.self) { try await ServerProcess.start(database: database) }
        #expect(serve?.message.contains("chmod 600 \(database)") == true, "\(serve?.message ?? "")")

        // Fixed as told, it serves; a WAL left world-readable is made private again on open.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: database)
        let server = try await ServerProcess.start(database: database)
        server.kill()
        let wal = database + "-wal"
        try #require(FileManager.default.fileExists(atPath: wal), "a killed server leaves its WAL")
        for file in [wal, database + "-shm"] where FileManager.default.fileExists(atPath: file) {
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file)
        }
        let restarted = try await ServerProcess.start(database: database)
        defer { restarted.kill() }
        #expect(Self.mode(wal) == 0o600)
        #expect(Self.mode(database + "-shm") == 0o600)
    }

    @Test("A stolen copy of the database holds no usable secret: no enrolment key, no server secret key, and it serves nothing without its key file")
    func stolenCopy() async throws {
        let folder = try ScratchFolder("outpost-secrets")
        defer { folder.remove() }
        let database = folder.path("hq.sqlite")
        #expect(try await CommandRun.server(["init", "--db", database]).status == 0)
        let company = TestCompany()
        try await SQLiteStore(path: database).insert(company.batch)
        let issued = try await CommandRun.server(["device", "enrol", "--db", database, "--user", company.repNorth.name, "--json"])
        #expect(issued.status == 0, "\(issued.stderr)")
        let code = try #require(try JSONSerialization.jsonObject(with: Data(issued.stdout.utf8)) as? [String: Any])["code"] as? String
        let server = try await ServerProcess.start(database: database)
        defer { server.kill() }

        // The thief's copy: the database and its WAL, not the key file beside them.
        let stolen = try ScratchFolder("outpost-stolen")
        defer { stolen.remove() }
        var bytes: [UInt8] = []
        for suffix in ["", "-wal"] where FileManager.default.fileExists(atPath: database + suffix) {
            try FileManager.default.copyItem(atPath: database + suffix, toPath: stolen.path("hq.sqlite" + suffix))
            bytes += try [UInt8](Data(contentsOf: URL(fileURLWithPath: database + suffix)))
        }
        let enrolmentKey = try EnrolmentSeal.key(try #require(code)).bytes
        let serverSecret = try await SQLiteStore(path: database).serverKey { throw CancellationError() }.secretKey
        #expect(!Self.contains(bytes, enrolmentKey), "the enrolment code's key is in the database file")
        #expect(!Self.contains(bytes, serverSecret), "the server's X25519 secret key is in the database file")
        let copy = stolen.path("hq.sqlite")
        let thief = await #expect(throws: ServerProcessError.self) { try await ServerProcess.start(database: copy) }
        #expect(thief?.message.contains("key file") == true, "\(thief?.message ?? "")")

        // The real server still enrols with the code, once.
        let device = folder.url.appendingPathComponent("device")
        let url = server.serverURL
        let replica = try await blocking {
            Result { () throws(ReplicaError) in
                try Enrolment.enrol(folder: device, serverURL: url, code: code!, label: "field", secret: LiveHub.passphrase).replica
            }
        }.get()
        #expect(try await sync(replica, endpoint: server.tcpEndpoint).received > 0)
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in haystack[start..<start + needle.count].elementsEqual(needle) }
    }
}
