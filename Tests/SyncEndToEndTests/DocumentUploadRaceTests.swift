import DocumentContent
@testable import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostServer
import ClientTransport
import Testing

/// A device's upload against the server's orphan collection, step by step in one
/// process: content a device has uploaded for a document whose record has not arrived
/// yet is never collected, even when the only document naming it is removed meanwhile.
@Suite("Documents: an upload outlives the collection of what it shares", .serialized)
struct DocumentUploadRaceTests {
    /// What ``uploadedCopy(_:)`` leaves: an admin document, and a rep's document of the
    /// same content whose chunks are uploaded and whose record is not sent yet.
    struct UploadedCopy {
        let documents: DocumentService
        let shared: Document
        let rep: Replica
        let staged: Document
        let content: [UInt8]
    }

    /// An admin adds a price list; a rep adds the same file to an account of theirs and
    /// uploads it (nothing new is stored) without sending its record.
    static func uploadedCopy(_ hub: LiveHub) async throws -> UploadedCopy {
        let documents = DocumentService.sqlite(hub.store, path: hub.folder.appendingPathComponent("hq.sqlite").path)
        let company = hub.company
        let content = DocumentTests.priceList(size: 300_000, seed: 80)
        let shared = try await documents.add(Document(title: "Price list", fileName: "prices.csv", mediaType: "text/csv",
                                                      attachedKind: .catalog, attachedID: nil,
                                                      content: DocumentContentList(contentID: [], chunks: [])),
                                             content: content)
        let rep = try await hub.bootstrapped(company.repNorth, name: "uploader")
        let account = try #require(company.accounts(in: company.north).first)
        let staged = try rep.stage(Document(title: "Prices as sent", fileName: "prices.csv", mediaType: "text/csv",
                                            attachedKind: .account, attachedID: EntityID(account.id.uuid),
                                            content: DocumentContentList(contentID: [], chunks: [])),
                                   content: content)
        let uploaded = try await Self.uploadOnly(rep)
        #expect(uploaded.documentsUploaded == 1, "\(uploaded.documentError ?? "")")
        return UploadedCopy(documents: documents, shared: shared, rep: rep, staged: staged, content: content)
    }

    /// The distinct chunks of `document` the server holds, and how many it names.
    static func held(_ document: Document, in documents: DocumentService) async throws -> (held: Int, named: Int) {
        let ids = Set(try #require(document.content.manifest).chunks.map(\.id))
        return (try await documents.content.held(Array(ids)).count, ids.count)
    }

    @Test("A rep uploads a file an admin document already holds; the admin removes that document before the rep's record arrives; another device still gets every chunk, and removing the rep's document then deletes them")
    func uploadSurvivesCollection() async throws {
        try await LiveHub.with { hub in
            let upload = try await Self.uploadedCopy(hub)
            #expect(try await upload.documents.remove(upload.shared.id))
            let report = try await sync(upload.rep)
            #expect(report.accepted == 1)

            let second = try await hub.bootstrapped(hub.company.repNorth, name: "second")
            let fetched = try await TestSupportBlocking.run { () throws(ReplicaError) in try SyncClient(replica: second).fetch(upload.staged) }
            #expect(fetched.documentError == nil)
            let (held, named) = try await Self.held(upload.staged, in: upload.documents)
            #expect(held == named, "the server lost chunks of a document whose record it accepted")
            #expect(try second.content(of: upload.staged) == upload.content)

            // Its record released the upload's hold: removed, its content goes at once.
            #expect(try await upload.documents.remove(upload.staged.id))
            #expect(try await Self.held(upload.staged, in: upload.documents).held == 0)
        }
    }

    @Test("An upload's hold lasts DocumentService.uploadHold: a collection a day before it ends keeps the content, one a day after deletes it when no record came")
    func holdExpires() async throws {
        try await LiveHub.with { hub in
            let upload = try await Self.uploadedCopy(hub)
            let now = Date()
            #expect(try await upload.documents.remove(upload.shared.id, now: now))
            _ = try await upload.documents.collectOrphans(now: now + DocumentService.uploadHold - 24 * 60 * 60)
            let before = try await Self.held(upload.staged, in: upload.documents)
            #expect(before.held == before.named)
            #expect(try await upload.documents.collectOrphans(now: now + DocumentService.uploadHold + 24 * 60 * 60) == before.named)
            #expect(try await Self.held(upload.staged, in: upload.documents).held == 0)
        }
    }

    @Test("A push resent after its answer was lost releases its document's hold once: another pending document of the same content keeps the chunks through every removal until its record arrives")
    func resentPushReleasesOnce() async throws {
        try await LiveHub.with { hub in
            let upload = try await Self.uploadedCopy(hub)
            let account = try #require(hub.company.accounts(in: hub.company.north).first)
            let copy = try upload.rep.stage(Document(title: "Prices, second copy", fileName: "prices.csv", mediaType: "text/csv",
                                                     attachedKind: .account, attachedID: EntityID(account.id.uuid),
                                                     content: DocumentContentList(contentID: [], chunks: [])),
                                            content: upload.content)
            #expect(try await Self.uploadOnly(upload.rep).documentsUploaded == 1)
            let first = try #require(try upload.rep.pendingWrites().first { $0.record == RecordID(upload.staged.id) })
            // The first document's record arrives; its answer is lost, so the device sends it again.
            let device = HostileDevice(replica: upload.rep, hub: hub)
            for _ in 0..<2 { _ = try await device.push([first]) }
            // Both documents naming the content are removed while the copy's record is still on its way.
            #expect(try await upload.documents.remove(upload.shared.id))
            #expect(try await upload.documents.remove(upload.staged.id))
            let (held, named) = try await Self.held(copy, in: upload.documents)
            #expect(held == named, "a resent push released the hold the copy's upload still needs")
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
