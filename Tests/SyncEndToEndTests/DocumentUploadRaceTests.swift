import DocumentContent
@testable import FieldClient
import Foundation
import OutpostModel
import OutpostServer
import ClientTransport
import Testing

/// A device's upload against the server's orphan collection, step by step in one
/// process: content a device has uploaded for a document whose record has not arrived
/// yet is never collected, even when the only document naming it is removed meanwhile.
@Suite("Documents: an upload outlives the collection of what it shares", .serialized)
struct DocumentUploadRaceTests {
    @Test("A rep uploads a file an admin document already holds; the admin removes that document before the rep's record arrives; another device still gets every chunk")
    func uploadSurvivesCollection() async throws {
        try await LiveHub.with { hub in
            let documents = DocumentService.sqlite(hub.store, path: hub.folder.appendingPathComponent("hq.sqlite").path)
            let company = hub.company
            let content = DocumentTests.priceList(size: 300_000, seed: 80)
            let shared = try await documents.add(Document(title: "Price list", fileName: "prices.csv", mediaType: "text/csv",
                                                          attachedKind: .catalog, attachedID: nil,
                                                          content: DocumentContentList(contentID: [], chunks: [])),
                                                 content: content)

            // The rep adds the same file to an account of theirs; only its content goes up.
            let rep = try await hub.bootstrapped(company.repNorth, name: "uploader")
            let account = try #require(company.accounts(in: company.north).first)
            let staged = try rep.stage(Document(title: "Prices as sent", fileName: "prices.csv", mediaType: "text/csv",
                                                attachedKind: .account, attachedID: EntityID(account.id.uuid),
                                                content: DocumentContentList(contentID: [], chunks: [])),
                                       content: content)
            let uploaded = try await Self.uploadOnly(rep)
            #expect(uploaded.documentsUploaded == 1, "\(uploaded.documentError ?? "")")

            // The admin's document goes before the rep's record arrives; collection runs.
            #expect(try await documents.remove(shared.id))
            let report = try await sync(rep)
            #expect(report.accepted == 1)

            // A second device of the rep fetches the rep's document: every chunk is there.
            let second = try await hub.bootstrapped(company.repNorth, name: "second")
            let fetched = try await TestSupportBlocking.run { () throws(ReplicaError) in try SyncClient(replica: second).fetch(staged) }
            #expect(fetched.documentError == nil)
            let manifest = try #require(staged.content.manifest)
            let held = try await documents.content.held(manifest.chunks.map(\.id))
            #expect(held.count == Set(manifest.chunks.map(\.id)).count, "the server lost chunks of a document whose record it accepted")
            #expect(try second.content(of: staged) == content)
        }
    }

    /// Uploads `replica`'s staged documents without sending their records: the first
    /// step of a sync, alone.
    static func uploadOnly(_ replica: Replica) async throws -> SyncReport {
        try await TestSupportBlocking.run { () throws(ReplicaError) -> SyncReport in
            let identity = try replica.identity()
            let endpoint: SyncEndpoint
            do { endpoint = try SyncEndpoint(parsing: identity.syncEndpoint) } catch { throw ReplicaError(.invalid, "\(error)") }
            var report = SyncReport()
            try SyncClient(replica: replica).uploadStaged(endpoint: endpoint, keys: try SyncClient.sessionKeys(identity),
                                                          deadline: .now + .seconds(60), report: &report)
            return report
        }
    }
}
