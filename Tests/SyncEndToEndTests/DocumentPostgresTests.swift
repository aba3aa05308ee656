import DocumentContent
import Foundation
import OutpostPostgres
import OutpostStore
import StoreTestSupport
import Testing

/// Documents on a server whose database is PostgreSQL: the content lives in the
/// database (`document_content`), shared by every instance.
@Suite("Documents on PostgreSQL, end to end", .needsPostgres)
struct DocumentPostgresTests {
    @Test("A document added on a PostgreSQL server reaches a device, one a rep adds is uploaded; an edit's replaced chunks and removed documents' content leave the database")
    func documentOnPostgres() async throws {
        try await PostgresServerSetup.with(folder: "outpost-pg-docs") { setup in
            try await PostgresServerSetup.server(["territory", "add", "North"] + setup.admin)
            try await PostgresServerSetup.server(["user", "add", "rep", "--display-name", "Rep", "--role", "rep", "--territory", "North"] + setup.admin)
            let server = try await ServerProcess.start(database: setup.database, extraArguments: ["--key-file", setup.key])
            defer { server.kill() }
            let issued = try await PostgresServerSetup.server(["device", "enrol", "--user", "rep", "--server", server.serverURL, "--json"] + setup.admin)
            let device = CLIDevice(environment: ["OUTPOST_REPLICA": setup.folder.path("rep"),
                                                 "OUTPOST_PASSPHRASE": LiveHub.passphraseText])
            try await device.succeed(["enrol", "--server", server.serverURL, "--code", try #require(try DocumentTests.object(issued)["code"] as? String)])

            // Added on the server, fetched by the device at its sync.
            let file = setup.folder.url.appendingPathComponent("prices.csv")
            var content = DocumentTests.priceList(size: 500_000, seed: 70)
            try Data(content).write(to: file)
            let added = try await PostgresServerSetup.server(["docs", "add", file.path, "--catalog", "--pin-everywhere", "--json"] + setup.admin)
            let id = try #require(try DocumentTests.object(added)["id"] as? String)
            let first = try await device.objects(["sync"])
            #expect(first.first?["document_bytes"] as? Int == content.count)
            let opened = try #require(try await device.objects(["docs", "open", id]).first?["path"] as? String)
            #expect(FileManager.default.contents(atPath: opened) == Data(content))

            // Replaced by an edit: the old version's own chunks leave the database.
            let old = Set(try DocumentManifest(content: content).chunks.map(\.id.bytes))
            content.replaceSubrange(250_000..<253_000, with: DocumentTests.priceList(size: 3_000, seed: 71))
            try Data(content).write(to: file)
            try await PostgresServerSetup.server(["docs", "add", "--replace", id, file.path] + setup.admin)
            let new = Set(try DocumentManifest(content: content).chunks.map(\.id.bytes))
            #expect(try await Self.held(old.union(new), at: setup.location) == new)
            _ = try await device.objects(["sync"])
            let reopened = try #require(try await device.objects(["docs", "open", id]).first?["path"] as? String)
            #expect(FileManager.default.contents(atPath: reopened) == Data(content))

            // A photo the rep adds offline to a new account is uploaded into the database.
            try await device.succeed(["accounts", "add", "name=Harbour Works"])
            let photo = setup.folder.url.appendingPathComponent("site.jpg")
            let photoContent = DocumentTests.priceList(size: 120_000, seed: 72)
            try Data(photoContent).write(to: photo)
            try await device.succeed(["docs", "add", "--account", "Harbour Works", photo.path])
            let uploaded = try #require(try await device.objects(["sync"]).first)
            #expect(uploaded["documents_uploaded"] as? Int == 1)
            #expect(uploaded["rejected"] as? Int == 0)
            let photoChunks = Set(try DocumentManifest(content: photoContent).chunks.map(\.id.bytes))
            #expect(try await Self.held(photoChunks, at: setup.location) == photoChunks)
            let onServer = try await PostgresServerSetup.server(["docs", "list", "--json"] + setup.admin)
            let photoID = try #require((try JSONSerialization.jsonObject(with: Data(onServer.utf8)) as? [[String: Any]])?
                .first { $0["file_name"] as? String == "site.jpg" }?["id"] as? String)
            try await PostgresServerSetup.server(["docs", "remove", photoID] + setup.admin)

            // Removed: listed nowhere, and none of its content is left.
            try await PostgresServerSetup.server(["docs", "remove", id] + setup.admin)
            #expect(try await Self.held(old.union(new).union(photoChunks), at: setup.location).isEmpty)
            let listed = try await PostgresServerSetup.server(["docs", "list", "--json"] + setup.admin)
            #expect((try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [Any])?.isEmpty == true)
            _ = try await device.objects(["sync"])
            #expect(try await device.objects(["docs", "list"]).isEmpty)
        }
    }

    /// The chunks among `ids` the database at `location` stores.
    static func held(_ ids: Set<[UInt8]>, at location: PostgresLocation) async throws -> Set<[UInt8]> {
        try await PostgresStore.withStore(at: location, mode: .existing) { store in try await store.heldContentChunks(Array(ids)) }
    }
}
