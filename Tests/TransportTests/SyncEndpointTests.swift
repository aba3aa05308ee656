import ClientTransport
import Testing

@Suite("Sync endpoints")
struct SyncEndpointTests {
    @Test(
        "tcp and http endpoints parse",
        arguments: [
            ("tcp://hq.example.com:8081", SyncEndpoint.tcp(host: "hq.example.com", port: 8081)),
            ("tcp://[::1]:8081", .tcp(host: "::1", port: 8081)),
            ("http://10.0.0.5:8080/sync", .http(host: "10.0.0.5", port: 8080, path: "/sync")),
            ("http://hq/sync?v=1", .http(host: "hq", port: 80, path: "/sync?v=1")),
            ("HTTP://hq:81", .http(host: "hq", port: 81, path: "/")),
        ]
    )
    func parses(text: String, endpoint: SyncEndpoint) throws {
        #expect(try SyncEndpoint(parsing: text) == endpoint)
    }

    @Test("descriptions round-trip")
    func roundTrip() throws {
        for text in ["tcp://[::1]:8081", "http://hq:8080/sync"] {
            #expect(try SyncEndpoint(parsing: text).description == text)
        }
    }

    @Test(
        "anything else is refused with the reason",
        arguments: [
            ("hq:8081", EndpointError.missingScheme("hq:8081")),
            ("https://hq/sync", .unsupportedScheme("https", in: "https://hq/sync")),
            ("tcp://hq", .missingPort("tcp://hq")),
            ("tcp://:8081", .missingHost("tcp://:8081")),
            ("tcp://hq:99999", .invalidPort("99999", in: "tcp://hq:99999")),
            ("tcp://hq:80/sync", .unexpectedPath("tcp://hq:80/sync")),
            ("http://me@hq/sync", .unexpectedUserInfo("http://me@hq/sync")),
        ]
    )
    func refuses(text: String, error: EndpointError) {
        #expect(throws: error) { try SyncEndpoint(parsing: text) }
    }
}
