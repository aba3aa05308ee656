import Foundation
@testable import OutpostServer
import OutpostSQLite
import StoreTestSupport
import Testing
import TestSupport

/// API tokens of the HTTP data API, on the real `outpost-server` binary.
@Suite("API tokens on the real server", .serialized)
struct APITokenTests {
    /// The status code of `GET path` with `token` as bearer (none: no header).
    static func status(_ server: ServerProcess, _ path: String, token: String?) async throws -> Int {
        let request = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            + (token.map { "Authorization: Bearer \($0)\r\n" } ?? "") + "\r\n"
        let answer = try await blocking {
            LoopbackSocket(from: "127.0.0.1", to: server.httpPort)?.exchange(Array(request.utf8), within: 5000) ?? []
        }
        return Int(String(decoding: answer.prefix(12), as: UTF8.self).split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    static func made(_ output: CommandRun.Output) throws -> (id: String, token: String) {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any], "\(output.stderr)")
        return (try #require(object["id"] as? String), try #require(object["token"] as? String))
    }

    @Test("Each API token opens only its scopes, is stored hashed, and is refused once revoked (by id prefix) or expired; the static feed token still works")
    func scopedTokens() async throws {
        let folder = try ScratchFolder("outpost-tokens")
        defer { folder.remove() }
        let database = folder.path("hq.sqlite")
        try await SQLiteStore(path: database).insert(TestCompany().batch)
        let orders = try Self.made(try await CommandRun.server(["token", "add", "--db", database, "--scope", "orders:read",
                                                                "--label", "fulfilment", "--expires", "90d", "--json"]))
        let forecast = try Self.made(try await CommandRun.server(["token", "add", "--db", database, "--scope", "forecast:read", "--json"]))
        let unknown = try await CommandRun.server(["token", "add", "--db", database, "--scope", "orders:write"])
        #expect(unknown.status != 0 && unknown.stderr.contains("orders:read"), "\(unknown.stderr)")
        let legacyFile = folder.path("feed-token")
        try "static-feed-token\n".write(toFile: legacyFile, atomically: true, encoding: .utf8)

        let server = try await ServerProcess.start(database: database, extraArguments: ["--feed-token-file", legacyFile])
        defer { server.kill() }
        #expect(try await Self.status(server, "/orders/feed", token: nil) == 401)
        #expect(try await Self.status(server, "/orders/feed", token: "opt_00000000_" + String(repeating: "0", count: 64)) == 401)
        #expect(try await Self.status(server, "/orders/feed", token: orders.token) == 200)
        #expect(try await Self.status(server, "/forecast", token: orders.token) == 403)
        #expect(try await Self.status(server, "/forecast", token: forecast.token) == 200)
        #expect(try await Self.status(server, "/orders/feed", token: forecast.token) == 403)
        #expect(try await Self.status(server, "/orders/feed", token: "static-feed-token") == 200)

        // Stored hashed: the database holds neither secret.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: database)) + ((try? Data(contentsOf: URL(fileURLWithPath: database + "-wal"))) ?? Data())
        #expect(bytes.range(of: Data(orders.token.utf8)) == nil && bytes.range(of: Data(forecast.token.utf8)) == nil)

        let revoked = try await CommandRun.server(["token", "revoke", "--db", database, String(orders.id.prefix(5))])
        #expect(revoked.status == 0, "\(revoked.stderr)")
        #expect(try await Self.status(server, "/orders/feed", token: orders.token) == 401)
        let listed = try await CommandRun.server(["token", "list", "--db", database, "--json"])
        #expect(listed.stdout.contains(orders.id) && !listed.stdout.contains(orders.token))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        #expect(rows.first { $0["id"] as? String == orders.id }?["revoked"] != nil)

        // An expired token is refused like a revoked one.
        let store = try SQLiteStore(path: database)
        let expired = APIToken(id: "expired1", label: "old", scopes: ["orders:read"], createdAt: Date(timeIntervalSinceNow: -7200),
                               expiresAt: Date(timeIntervalSinceNow: -3600))
        try await store.addAPIToken(expired, digest: try APITokenSecret.digest("opt_expired1_secret"))
        #expect(try await Self.status(server, "/orders/feed", token: "opt_expired1_secret") == 401)
    }
}

@Suite("TLS on the real server's HTTP port", .serialized)
struct TLSServeTests {
    @Test("serve --tls-cert --tls-key answers HTTPS with that certificate, and plain HTTP on the port gets no answer")
    func servesTLS() async throws {
        let folder = try ScratchFolder("outpost-tls")
        defer { folder.remove() }
        let database = folder.path("hq.sqlite")
        let certificate = folder.path("hq.pem")
        let key = folder.path("hq-key.pem")
        let made = try await CommandRun.run(URL(fileURLWithPath: "/usr/bin/openssl"), [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key, "-out", certificate,
            "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], ["PATH": "/usr/bin:/bin"])
        try #require(made.status == 0, "openssl: \(made.stderr)")
        #expect(try await CommandRun.server(["init", "--db", database]).status == 0)
        let server = try await ServerProcess.start(database: database, extraArguments: ["--tls-cert", certificate, "--tls-key", key])
        defer { server.kill() }
        let https = try await CommandRun.run(URL(fileURLWithPath: "/usr/bin/curl"), [
            "-sS", "--cacert", certificate, "-o", "/dev/null", "-w", "%{http_code}", "https://127.0.0.1:\(server.httpPort)/healthz"],
            ["PATH": "/usr/bin:/bin"])
        #expect(https.stdout == "200", "curl over TLS: \(https.stdout) \(https.stderr)")
        let plain = try await blocking {
            LoopbackSocket(from: "127.0.0.1", to: server.httpPort)?
                .exchange(Array("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8), within: 3000) ?? []
        }
        #expect(!String(decoding: plain, as: UTF8.self).hasPrefix("HTTP/1.1 200"))
        let wrongKey = try await CommandRun.server(["serve", "--db", database, "--port", "0", "--sync-port", "0",
                                                    "--tls-cert", certificate, "--tls-key", database])
        #expect(wrongKey.status != 0 && wrongKey.stderr.contains("TLS key"), "\(wrongKey.stderr)")
    }
}
