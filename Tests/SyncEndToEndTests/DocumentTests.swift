import Foundation
import OutpostModel
import SeededRandom
import TestSupport
import Testing

/// Documents in the field on the real binaries: `outpost-server docs add` on a running
/// `serve`, `outpost sync` fetching content after the records, within `--max-bytes`.
@Suite("Documents in the field, end to end", .serialized)
struct DocumentTests {
    /// A price list of `size` bytes: CSV lines of SKUs and prices, seeded.
    static func priceList(size: Int, seed: UInt64) -> [UInt8] {
        var random = SplitMix(seed: seed)
        var text: [UInt8] = Array("sku;name;currency;price\n".utf8)
        while text.count < size {
            let line = "SKU-\(random.next() % 1_000_000);Part \(random.next() % 100_000);EUR;\(random.next() % 100_000).\(random.next() % 100)\n"
            text += Array(line.utf8)
        }
        return Array(text.prefix(size))
    }

    /// `outpost-server docs add` on the server's database; returns the document's id.
    static func add(_ server: RealServer, file: URL, _ arguments: [String]) async throws -> String {
        let run = try await CommandRun.server(["docs", "add", "--db", server.database, file.path, "--json"] + arguments)
        try #require(run.status == 0, "docs add failed: \(run.stderr)")
        return try #require(try Self.object(run.stdout)["id"] as? String)
    }

    /// `outpost ARGUMENTS --json` on the device, which must succeed.
    static func device(_ server: RealServer, _ arguments: [String]) async throws -> Any {
        let run = try await CommandRun.outpost(arguments + ["--replica", server.replicaFolder.path, "--json"])
        try #require(run.status == 0, "outpost \(arguments.joined(separator: " ")) failed: \(run.stderr)")
        return try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
    }

    /// `outpost sync --json` through `endpoint` (default: the server's TCP port).
    static func sync(_ server: RealServer, endpoint: String? = nil, _ arguments: [String] = []) async throws -> [String: Any] {
        try #require(try await device(server, ["sync", "--endpoint", endpoint ?? server.server.tcpEndpoint, "--timeout", "60"] + arguments)
            as? [String: Any])
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Whether any file under `folder` contains `needle`.
    static func contains(_ folder: URL, _ needle: [UInt8]) throws -> Bool {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return try files.contains { file in
            guard let data = FileManager.default.contents(atPath: file.path) else { return false }
            return data.range(of: Data(needle)) != nil
        }
    }

    @Test("A 5 MB price list on a product reaches the rep; an edit of a few KB moves under 10 %; no plaintext in the replica; removal evicts")
    func priceList() async throws {
        let size = 5_000_000
        let attached = try await AttachedFile(size: size, seed: 20, name: "prices-2026.csv",
                                              ["--product", "PC-1", "--title", "Price list 2026", "--tags", "prices,2026", "--pin-everywhere"])
        let (server, file, id) = (attached.server, attached.file, attached.id)
        defer { server.stop() }
        var content = attached.content

        let first = try await Self.sync(server)
        #expect(first["document_bytes"] as? Int == size)
        #expect(first["document_bytes_left"] as? Int == 0)
        let opened = try #require(try await Self.device(server, ["docs", "open", ShortID.of(id)]) as? [String: Any])
        let path = try #require(opened["path"] as? String)
        #expect(FileManager.default.contents(atPath: path) == Data(content))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        // The replica holds no plaintext of the document anywhere in its folder.
        for offset in stride(from: 0, to: size - 64, by: size / 7) {
            #expect(try !Self.contains(server.replicaFolder, Array(content[offset..<offset + 64])), "plaintext at offset \(offset)")
        }

        // One page's worth changes in the middle: the next sync moves at most 10 % of the file.
        let page = Array(Self.priceList(size: 3_000, seed: 21))
        content.replaceSubrange(2_500_000..<2_503_000, with: page)
        try Data(content).write(to: file)
        #expect(try await Self.add(server, file: file, ["--replace", id]) == id)
        let edited = try await Self.sync(server)
        let editedBytes = try #require(edited["bytes_down"] as? Int)
        #expect(editedBytes <= size / 10, "the edited transfer moved \(editedBytes) bytes")
        #expect((edited["document_bytes"] as? Int ?? 0) > 0)
        let reopened = try #require(try await Self.device(server, ["docs", "open", id]) as? [String: Any])
        #expect(FileManager.default.contents(atPath: try #require(reopened["path"] as? String)) == Data(content))

        // Removed on the server: gone from the device's list and its content dropped.
        let removed = try await CommandRun.server(["docs", "remove", "--db", server.database, id])
        #expect(removed.status == 0)
        _ = try await Self.sync(server)
        let status = try #require(try await Self.device(server, ["docs", "status"]) as? [String: Any])
        #expect(status["documents"] as? Int == 0)
    }

    @Test("--max-bytes 200KB delivers the records and defers the documents; later syncs finish them")
    func budget() async throws {
        let attached = try await AttachedFile(size: 700_000, seed: 22, name: "sheet.csv", ["--product", "PC-1", "--title", "Spec sheet"])
        let (server, content, id) = (attached.server, attached.content, attached.id)
        defer { server.stop() }
        let account = server.company.accounts(in: server.company.north)[0]
        let photo = server.folder.appendingPathComponent("site.jpg")
        try Data(Self.priceList(size: 400_000, seed: 23)).write(to: photo)
        let photoID = try await Self.add(server, file: photo, ["--account", account.id.description, "--pin-everywhere"])

        let first = try await Self.sync(server, ["--max-bytes", "200KB"])
        // Both documents' records arrived; content stayed within the budget.
        let listed = try #require(try await Self.device(server, ["docs", "list"]) as? [[String: Any]])
        #expect(Set(listed.compactMap { $0["id"] as? String }) == [id, photoID])
        #expect((first["document_bytes"] as? Int ?? .max) <= 200_000)
        #expect((first["document_bytes_left"] as? Int ?? 0) > 0)

        // The spec sheet is not pinned: the rep pins it, and syncs until everything is here.
        _ = try await Self.device(server, ["docs", "pin", ShortID.of(id)])
        var syncs = 1
        var left = Int.max
        while left > 0, syncs < 12 {
            let report = try await Self.sync(server, ["--max-bytes", "200KB"])
            #expect((report["document_bytes"] as? Int ?? .max) <= 200_000)
            left = report["document_bytes_left"] as? Int ?? -1
            syncs += 1
        }
        #expect(left == 0)
        #expect(syncs >= 6, "1.1 MB at 200 KB a sync takes at least six syncs")
        let opened = try #require(try await Self.device(server, ["docs", "open", id]) as? [String: Any])
        #expect(FileManager.default.contents(atPath: try #require(opened["path"] as? String)) == Data(content))
    }

    @Test("A transfer cut mid-document resumes within one chunk")
    func cutTransfer() async throws {
        let size = 1_500_000
        let server = try await AttachedFile(size: size, seed: 24, name: "manual.csv", ["--catalog", "--title", "Manual", "--pin-everywhere"]).server
        defer { server.stop() }
        _ = try await Self.sync(server, ["--max-bytes", "0"])  // the records alone

        let proxy = try await CuttingProxy.start(upstreamPort: server.server.syncPort)
        defer { Task { await proxy.shutdown() } }
        let cut = 600_000
        proxy.cut(.downstream, after: cut, scope: .allConnections)
        let broken = try await Self.sync(server, endpoint: "tcp://127.0.0.1:\(proxy.port)", ["--retries", "0"])
        #expect(broken["document_error"] is String)
        let kept = try #require(broken["document_bytes"] as? Int)
        // Everything before the chunk in flight was kept: at most one chunk (64 KiB) and its framing is lost.
        #expect(kept >= cut - 65_536 - 2_000, "kept \(kept) of \(cut) bytes received")
        let status = try #require(try await Self.device(server, ["docs", "status"]) as? [String: Any])
        #expect(status["bytes_to_fetch"] as? Int == size - kept)

        let resumed = try await Self.sync(server)
        #expect(resumed["document_bytes"] as? Int == size - kept, "the resumed sync fetched only what was missing")
        #expect(resumed["document_bytes_left"] as? Int == 0)
    }

    @Test("A photo added offline to an account reaches the manager; uploads over the size limit or the quota are refused")
    func offlinePhoto() async throws {
        let server = try await RealServer.start(extraArguments: ["--max-document-size", "2000000", "--device-document-quota", "1000000"])
        defer { server.stop() }
        let account = server.company.accounts(in: server.company.north)[0]
        var added: [String: [UInt8]] = [:]
        for (title, size, seed) in [("A site photo", 300_000, 30), ("B scan too large", 2_500_000, 31), ("C letter over quota", 900_000, 32)] {
            let file = server.folder.appendingPathComponent("\(seed).jpg")
            let content = Self.priceList(size: size, seed: UInt64(seed))
            try Data(content).write(to: file)
            let row = try #require(try await Self.device(server, ["docs", "add", "--account", account.name, file.path, "--title", title])
                as? [String: Any])
            #expect(row["to_upload"] as? Bool == true)
            added[title] = content
        }

        let code = try await CommandRun.server(["device", "enrol", "--db", server.database, "--user", server.company.manager.name, "--json"])
        let managerFolder = server.folder.appendingPathComponent("manager")
        let enrol = try await CommandRun.outpost(["enrol", "--server", server.server.serverURL, "--replica", managerFolder.path,
                                                  "--code", try #require(try Self.object(code.stdout)["code"] as? String)])
        try #require(enrol.status == 0, "\(enrol.stderr)")

        let report = try await Self.sync(server)
        #expect(report["documents_uploaded"] as? Int == 1)
        #expect(report["accepted"] as? Int == 1)
        let status = try #require(try await Self.device(server, ["docs", "status"]) as? [String: Any])
        let refused = (status["kept_documents"] as? [[String: Any]] ?? []).compactMap { $0["upload_refused"] as? String }
        #expect(refused.count == 2)
        #expect(refused.contains { $0.contains("--max-document-size") })
        #expect(refused.contains { $0.contains("--device-document-quota") })

        let manager = try await CommandRun.outpost(["sync", "--replica", managerFolder.path, "--endpoint", server.server.tcpEndpoint, "--json"])
        try #require(manager.status == 0, "\(manager.stderr)")
        let list = try await CommandRun.outpost(["docs", "list", "--replica", managerFolder.path, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [[String: Any]])
        let photo = try #require(rows.first { $0["title"] as? String == "A site photo" })
        #expect(rows.count == 1)
        #expect(photo["on_device"] as? Bool == false)
        let opened = try await CommandRun.outpost(["docs", "open", "--replica", managerFolder.path, "--json", try #require(photo["id"] as? String)])
        try #require(opened.status == 0, "\(opened.stderr)")
        let path = try #require(try Self.object(opened.stdout)["path"] as? String)
        #expect(FileManager.default.contents(atPath: path) == Data(try #require(added["A site photo"])))
    }

    @Test("The budget an admin sets for a device bounds its syncs; --max-bytes overrides it")
    func adminBudget() async throws {
        let server = try await AttachedFile(size: 400_000, seed: 40, name: "catalog.csv", ["--catalog", "--pin-everywhere"]).server
        defer { server.stop() }
        let devices = try await CommandRun.server(["device", "list", "--db", server.database, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(devices.stdout.utf8)) as? [[String: Any]])
        let device = try #require(rows.first?["id"] as? String)
        let set = try await CommandRun.server(["docs", "budget", "--db", server.database, device, "100KB"])
        #expect(set.status == 0, "\(set.stderr)")
        let refused = try await CommandRun.server(["docs", "budget", "--db", server.database, device, "lots"])
        #expect(refused.status != 0 && refused.stderr.contains("2MB"))

        let bounded = try await Self.sync(server)
        #expect((bounded["document_bytes"] as? Int ?? .max) <= 100_000)
        #expect((bounded["document_bytes_left"] as? Int ?? 0) > 0)
        let overridden = try await Self.sync(server, ["--max-bytes", "1MB"])
        #expect(overridden["document_bytes_left"] as? Int == 0)
    }
}

/// A running server with one generated price list attached by `outpost-server docs add`:
/// the start most of these tests share.
struct AttachedFile {
    let server: RealServer
    let content: [UInt8]
    let file: URL
    /// The document's id.
    let id: String

    /// Starts a server (with `serverArguments`) and attaches `size` bytes of price list
    /// from `seed`, as the file `name`, with the `docs add` options `arguments`.
    init(size: Int, seed: UInt64, name: String, _ arguments: [String], serverArguments: [String] = []) async throws {
        server = try await RealServer.start(extraArguments: serverArguments)
        content = DocumentTests.priceList(size: size, seed: seed)
        file = server.folder.appendingPathComponent(name)
        do {
            try Data(content).write(to: file)
            id = try await DocumentTests.add(server, file: file, arguments)
        } catch {
            server.stop()
            throw error
        }
    }
}

