import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import OutpostSQLite
import OutpostServer
import Testing

@Suite("HTTP server")
struct HealthTests {
    @Test("GET /healthz answers ok with the version on a real loopback port")
    func healthz() async throws {
        let store = try SQLiteStore.temporary()
        let app = buildApplication(
            store: store,
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0),
            logger: Logger(label: "test")
        )
        try await app.test(.live) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                let body = String(buffer: response.body)
                #expect(body.contains("\"status\":\"ok\""))
                #expect(body.contains("\"version\":\"\(outpostVersion)\""))
            }
            try await client.execute(uri: "/no-such-endpoint", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
