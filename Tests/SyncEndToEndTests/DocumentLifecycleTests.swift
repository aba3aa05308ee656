@testable import FieldClient
import Foundation
import GRDB
import OutpostModel
import Testing

/// Documents over their life on the real binaries: the content an edit or a removal
/// leaves unnamed is deleted on both sides, documents on opportunities stay within
/// their scope, and `docs open --xdg-open` hands the viewer a private copy.
@Suite("Documents: collection, scope and opening, end to end", .serialized)
struct DocumentLifecycleTests {
    /// The chunk files in the server's content folder.
    static func serverChunks(_ server: RealServer) throws -> Set<String> {
        let folder = server.database + ".content"
        return Set(try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasSuffix(".partial") })
    }

    /// The sealed chunks in the device's replica.
    static func deviceChunks(_ server: RealServer) throws -> Int {
        let file = server.replicaFolder.appendingPathComponent(Replica.fileName).path
        return try DatabaseQueue(path: file).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM content_chunk") ?? -1 }
    }

    /// The chunk count `docs list --json` gives document `id` on the server.
    static func chunkCount(_ server: RealServer, _ id: String) async throws -> Int {
        let run = try await CommandRun.server(["docs", "list", "--db", server.database, "--json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        return try #require(rows.first { $0["id"] as? String == id }?["chunks"] as? Int)
    }

    @Test("An edit's replaced chunks and removed documents' content go from the server's folder and the device's replica; shared chunks stay")
    func orphanContent() async throws {
        let attached = try await AttachedFile(size: 600_000, seed: 50, name: "prices.csv", ["--catalog", "--pin-everywhere"])
        let server = attached.server
        defer { server.stop() }
        _ = try await DocumentTests.sync(server)
        let first = try Self.serverChunks(server)
        #expect(first.count == (try await Self.chunkCount(server, attached.id)))
        #expect(try Self.deviceChunks(server) == first.count)

        // An edit in the middle: the chunks only the old version named are deleted.
        var content = attached.content
        content.replaceSubrange(300_000..<303_000, with: DocumentTests.priceList(size: 3_000, seed: 51))
        try Data(content).write(to: attached.file)
        #expect(try await DocumentTests.add(server, file: attached.file, ["--replace", attached.id]) == attached.id)
        let edited = try Self.serverChunks(server)
        let count = try await Self.chunkCount(server, attached.id)
        #expect(edited.count == count, "the server kept \(edited.count) chunks for a document of \(count)")
        #expect(!first.subtracting(edited).isEmpty && !edited.subtracting(first).isEmpty)
        _ = try await DocumentTests.sync(server)
        #expect(try Self.deviceChunks(server) == count)

        // A copy shares every chunk: removing the first document leaves them all to the copy.
        let copy = try await DocumentTests.add(server, file: attached.file, ["--catalog", "--title", "Copy"])
        #expect(try Self.serverChunks(server) == edited)
        let removed = try await CommandRun.server(["docs", "remove", "--db", server.database, attached.id])
        #expect(removed.status == 0, "\(removed.stderr)")
        #expect(try Self.serverChunks(server) == edited, "removing one document deleted chunks another still names")

        // Both removed: no chunk is left on either side.
        #expect(try await CommandRun.server(["docs", "remove", "--db", server.database, copy]).status == 0)
        #expect(try Self.serverChunks(server).isEmpty)
        _ = try await DocumentTests.sync(server)
        #expect(try Self.deviceChunks(server) == 0)
    }

    @Test("A document on an opportunity reaches the devices whose scope holds it and no other, whether the admin or a rep adds it")
    func opportunityScope() async throws {
        let server = try await RealServer.start()
        defer { server.stop() }
        let company = server.company
        let northAccounts = Set(company.accounts(in: company.north).map(\.id))
        let opportunity = try #require(company.opportunities.first { northAccounts.contains($0.accountID) })
        let file = server.folder.appendingPathComponent("proposal.pdf")
        let content = DocumentTests.priceList(size: 150_000, seed: 52)
        try Data(content).write(to: file)
        let id = try await DocumentTests.add(server, file: file, ["--opportunity", opportunity.id.description, "--pin-everywhere"])

        // The rep adds one offline to the same opportunity, by its name.
        let photo = server.folder.appendingPathComponent("whiteboard.jpg")
        try Data(DocumentTests.priceList(size: 40_000, seed: 53)).write(to: photo)
        let staged = try #require(try await DocumentTests.device(server, ["docs", "add", "--opportunity", opportunity.name, photo.path])
            as? [String: Any])
        #expect(staged["attached_kind"] as? String == "opportunity")
        let report = try await DocumentTests.sync(server)
        #expect(report["accepted"] as? Int == 1)
        let north = try #require(try await DocumentTests.device(server, ["docs", "list", "--opportunity", opportunity.id.description])
            as? [[String: Any]])
        #expect(Set(north.compactMap { $0["id"] as? String }).count == 2)
        #expect(north.contains { $0["id"] as? String == id && $0["on_device"] as? Bool == true })

        // The south rep's device holds neither.
        let code = try await CommandRun.server(["device", "enrol", "--db", server.database, "--user", company.repSouth.name, "--json"])
        let southFolder = server.folder.appendingPathComponent("south")
        let enrol = try await CommandRun.outpost(["enrol", "--server", server.server.serverURL, "--replica", southFolder.path,
                                                  "--code", try #require(try DocumentTests.object(code.stdout)["code"] as? String)])
        try #require(enrol.status == 0, "\(enrol.stderr)")
        let sync = try await CommandRun.outpost(["sync", "--replica", southFolder.path, "--endpoint", server.server.tcpEndpoint])
        try #require(sync.status == 0, "\(sync.stderr)")
        let south = try await CommandRun.outpost(["docs", "list", "--replica", southFolder.path, "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(south.stdout.utf8)) as? [Any])?.isEmpty == true, "\(south.stdout)")

        // The server lists them by record; an unknown quote is refused, as JSON with --json.
        let listed = try await CommandRun.server(["docs", "list", "--db", server.database, "--opportunity", opportunity.id.description, "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [Any])?.count == 2)
        let unknown = UUID().uuidString.lowercased()
        let refused = try await CommandRun.server(["docs", "add", "--db", server.database, "--quote", unknown, file.path, "--json"])
        #expect(refused.status != 0)
        #expect((try? DocumentTests.object(refused.stderr))?["error"] as? String == "no quote \(unknown); find its id with: "
            + "outpost quote list --json (on a device)")
    }

    @Test("docs open --xdg-open hands xdg-open the path of a private decrypted copy")
    func xdgOpen() async throws {
        let attached = try await AttachedFile(size: 80_000, seed: 54, name: "sheet.csv", ["--catalog", "--pin-everywhere"])
        let server = attached.server
        defer { server.stop() }
        _ = try await DocumentTests.sync(server)

        // A fake xdg-open first on PATH records its argument. It inherits the command's
        // output pipes, so the run below returns only once the fake has finished.
        let bin = server.folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let fake = bin.appendingPathComponent("xdg-open")
        let record = server.folder.appendingPathComponent("xdg-open-argument")
        try Data("#!/bin/sh\nprintf '%s' \"$1\" > '\(record.path)'\n".utf8).write(to: fake)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)

        let run = try await CommandRun.outpost(["docs", "open", attached.id, "--xdg-open", "--replica", server.replicaFolder.path, "--json"],
                                               environment: ["PATH": "\(bin.path):/usr/bin:/bin"])
        try #require(run.status == 0, "\(run.stderr)")
        let printed = try #require(try DocumentTests.object(run.stdout)["path"] as? String)
        let given = try String(contentsOf: record, encoding: .utf8)
        #expect(given == printed)
        #expect(FileManager.default.contents(atPath: given) == Data(attached.content))
        #expect(try FileManager.default.attributesOfItem(atPath: given)[.posixPermissions] as? Int == 0o600)
        let folder = URL(fileURLWithPath: given).deletingLastPathComponent().path
        #expect(try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int == 0o700)
    }
}
