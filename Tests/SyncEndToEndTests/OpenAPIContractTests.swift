import Foundation
import Testing
import TestSupport

@Suite("The OpenAPI document against the live server", .serialized)
struct OpenAPIContractTests {
    /// The repository's root folder.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The repository's copy of the document.
    static let document = root.appendingPathComponent("Server/OutpostServer/OpenAPI/openapi.json")

    @Test("/openapi.json serves the repository's document, which names every route the server answers")
    func servedDocument() async throws {
        let hub = try await ProcessHub.start()
        defer { hub.stop() }
        let served = try await httpExchange(port: hub.server.httpPort, method: "GET", path: "/openapi.json")
        #expect(served.status == 200)
        #expect(served.body == (try String(contentsOf: Self.document, encoding: .utf8)))
        let paths = (try JSONSerialization.jsonObject(with: Data(served.body.utf8)) as? [String: Any])?["paths"] as? [String: Any]
        #expect(Set(paths?.keys ?? [:].keys) == ["/healthz", "/readyz", "/metrics", "/openapi.json", "/orders/feed", "/forecast", "/leads", "/sync"])
        for path in ["/healthz", "/readyz", "/metrics", "/openapi.json"] {
            #expect(try await httpExchange(port: hub.server.httpPort, method: "GET", path: path).status == 200, "\(path)")
        }
    }

    @Test("schemathesis finds no response that breaks the document", .timeLimit(.minutes(5)))
    func schemathesis() async throws {
        let tool = try #require(Self.schemathesisPath(), "install schemathesis (scripts/install-deps.sh: pip install schemathesis)")
        let hub = try await ProcessHub.start(serveArguments: ["--sync-burst", "100000"]) { database, _ in
            let queue = try await runServerCommand(["rule", "queue", "--db", database, "--territory", "Europe"])
            #expect(queue.status == 0)
        }
        defer { hub.stop() }
        // scripts/schemathesis.toml says which checks are off and why.
        let run = try await CommandRun.run(URL(fileURLWithPath: tool), [
            "--config-file", Self.root.appendingPathComponent("scripts/schemathesis.toml").path,
            "run", "\(hub.server.serverURL)/openapi.json", "--max-examples", "25", "--seed", "2026", "--workers", "1", "--no-color",
            "-H", "Authorization: Bearer \(ProcessHub.token)",
        ], ProcessInfo.processInfo.environment, in: hub.folder)
        let (status, text) = (run.status, run.stdout + run.stderr)
        #expect(status == 0, "schemathesis reported problems:\n\(text)")
    }

    /// The schemathesis CLI on the PATH, if installed.
    static func schemathesisPath() -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            + [NSHomeDirectory() + "/.local/bin", "/usr/local/bin"]
        return directories.map { $0 + "/schemathesis" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
