import Foundation
import SeededRandom
import StoreTestSupport
import Testing

/// Several stateless `outpost-server serve` processes on one PostgreSQL database, with
/// real `outpost` devices syncing through any of them.
@Suite("Several server instances on one PostgreSQL database", .needsPostgres)
struct MultiInstanceTests {
    static let devices = 4
    static let rounds = 3

    @Test("Devices editing one account and adding their own through three instances, one SIGKILLed mid-run, converge; every write is there once")
    func threeInstancesOneKilled() async throws {
        try await PostgresServerSetup.with(folder: "outpost-instances") { setup in
            try await PostgresServerSetup.server(["territory", "add", "North"] + setup.admin)
            for rep in 0..<Self.devices {
                try await PostgresServerSetup.server(["user", "add", "rep\(rep)", "--display-name", "Rep \(rep)", "--role", "rep", "--territory", "North"] + setup.admin)
            }
            var servers: [ServerProcess] = []
            for _ in 0..<3 {
                servers.append(try await ServerProcess.start(database: setup.database, extraArguments: ["--key-file", setup.key, "--sync-burst", "1000"]))
            }
            defer { for server in servers where server.isRunning { server.kill() } }

            // Each device enrols through its own instance.
            var devices: [CLIDevice] = []
            for rep in 0..<Self.devices {
                let server = servers[rep % servers.count]
                let issued = try await PostgresServerSetup.server(["device", "enrol", "--user", "rep\(rep)", "--server", server.serverURL, "--json"] + setup.admin)
                let code = try #require(try JSONSerialization.jsonObject(with: Data(issued.utf8)) as? [String: Any])["code"] as? String
                let device = CLIDevice(environment: ["OUTPOST_REPLICA": setup.folder.url.appendingPathComponent("rep\(rep)").path,
                                                     "OUTPOST_PASSPHRASE": LiveHub.passphraseText])
                try await device.succeed(["enrol", "--server", server.serverURL, "--code", try #require(code)])
                try await device.succeed(["sync"])
                devices.append(device)
            }
            try await devices[0].succeed(["accounts", "add", "name=Shared"])
            try await devices[0].succeed(["sync"])
            let shared = try #require(try await devices[0].objects(["accounts", "list"]).first?["id"] as? String)
            for device in devices { try await device.succeed(["sync", "--endpoint", servers[1].tcpEndpoint]) }

            var random = SplitMix(seed: 14)
            let alive = Alive(servers.map(\.tcpEndpoint))
            for round in 0..<Self.rounds {
                let picks = (0..<Self.devices).map { _ in random.below(servers.count) }
                try await withThrowingTaskGroup(of: Void.self) { group in
                    if round == Self.rounds / 2 {
                        let victim = servers[2]
                        group.addTask {
                            await alive.remove(victim.tcpEndpoint)
                            victim.kill()
                        }
                    }
                    for (index, device) in devices.enumerated() {
                        group.addTask {
                            try await device.succeed(["set", "account", shared, "phone=+49 \(index)\(round)"])
                            try await device.succeed(["accounts", "add", "name=Account \(index)-\(round)", "--force"])
                            try await Self.sync(device, first: picks[index], alive: alive)
                        }
                    }
                    try await group.waitForAll()
                }
            }
            // Quiet syncs through the instances left: everyone receives everything.
            for _ in 0..<2 {
                for device in devices { try await Self.sync(device, first: 0, alive: alive) }
            }

            let views = try await devices.asyncMap { device in
                try await device.objects(["accounts", "list", "--limit", "1000"]).map { account in
                    "\(account["id"] ?? "")|\(account["name"] ?? "")|\(account["phone"] ?? "")"
                }.sorted()
            }
            for view in views.dropFirst() { #expect(view == views[0]) }
            let names = views[0].map { $0.split(separator: "|", omittingEmptySubsequences: false)[1] }
            let expected = ["Shared"] + (0..<Self.devices).flatMap { index in (0..<Self.rounds).map { "Account \(index)-\($0)" } }
            #expect(names.sorted() == expected.map { Substring($0) }.sorted())
            let phone = views[0].first { $0.hasPrefix(shared) }?.split(separator: "|", omittingEmptySubsequences: false).last
            #expect(phone?.hasPrefix("+49 ") == true)
        }
    }

    /// Syncs `device` through the instance `first` picks among those alive, or, when that
    /// one fails (killed under it), through the next; the device's writes stay pending
    /// until a sync acknowledges them.
    static func sync(_ device: CLIDevice, first: Int, alive: Alive) async throws {
        var failures: [String] = []
        for attempt in 0..<6 {
            let endpoints = await alive.endpoints
            let endpoint = endpoints[(first + attempt) % endpoints.count]
            let run = try await device.run(["sync", "--endpoint", endpoint])
            if run.status == 0 { return }
            failures.append("\(endpoint): \(run.errors)")
        }
        Issue.record("no instance took the sync: \(failures.joined(separator: "; "))")
    }
}

/// The sync endpoints of the instances still running.
actor Alive {
    private(set) var endpoints: [String]

    init(_ endpoints: [String]) { self.endpoints = endpoints }

    func remove(_ endpoint: String) { endpoints.removeAll { $0 == endpoint } }
}

extension Array where Element: Sendable {
    /// `transform` of each element, in order, one at a time.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var results: [T] = []
        for element in self { results.append(try await transform(element)) }
        return results
    }
}
