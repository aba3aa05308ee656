@testable import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication
import OutpostSQLite
import Testing

/// Documents follow the scope of the record they are attached to.
@Suite("Documents follow their record's scope", .serialized)
struct DocumentScopeTests {
    @Test("A document whose record the hub refuses keeps its content on the device until the rep discards the refused change",
          .timeLimit(.minutes(3)))
    func refusedDocumentKeepsItsContent() async throws {
        try await LiveHub.with { hub in
            let rep = try await hub.bootstrapped(hub.company.repNorth)
            let account = hub.company.accounts(in: hub.company.north)[0]
            let content = (0..<90_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 11) }
            let draft = Document(title: "Site photo", fileName: "site.jpg", mediaType: "image/jpeg", attachedKind: .account,
                                 attachedID: EntityID(account.id.uuid), content: DocumentContentList(contentID: [], chunks: []))
            let document = try rep.stage(draft, content: content)
            // Its content is on the server: the record is a pending write, which the hub refuses.
            try rep.uploaded(document)
            let write = try #require(try rep.pendingWrites().first { $0.record == RecordID(document.id) })
            let refusal = Refusal(counter: write.dot.counter, code: .outOfScope, message: "the account left your territories")
            let frame = SyncResponseFrame(cursor: try rep.identity().cursor, outcome: .init(appliedThrough: write.dot.counter, refusals: [refusal]))
            _ = try rep.applyingFrames { try $0.apply(frame) }
            #expect(try rep.rejectedWrites().map(\.counter) == [write.dot.counter])

            #expect(try rep.dropUnkeptContent() == 0, "the refused document's content was dropped")
            #expect(try rep.content(of: document) == content)

            _ = try rep.discardRejected(write.dot.counter)
            #expect(try rep.dropUnkeptContent() > 0, "a discarded refusal's content stays for good")
        }
    }

    @Test("A document on an account moves with it: the new territory's rep fetches it, the old one's device evicts it")
    func movesWithAccount() async throws {
        let hub = try await LiveHub.start()
        defer { Task { await hub.stop() } }
        let company = hub.company
        let north = try await hub.bootstrapped(company.repNorth)
        let south = try await hub.bootstrapped(company.repSouth)
        let manager = try await hub.bootstrapped(company.manager)
        let account = company.accounts(in: company.north)[0]
        let content = (0..<120_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        let draft = Document(title: "Signed quote", fileName: "quote.pdf", mediaType: "application/pdf", attachedKind: .account,
                             attachedID: EntityID(account.id.uuid), content: DocumentContentList(contentID: [], chunks: []))
        let document = try north.stage(draft, content: content)
        let pushed = try await sync(north)
        #expect(pushed.documentsUploaded == 1 && pushed.accepted == 1)

        // The south rep neither receives the record nor may fetch the content by its chunk ids.
        _ = try await sync(south)
        #expect(try south.documents().isEmpty)

        // The manager moves the account south: the document follows it.
        let territory = try #require(ReplicatedKind.account.fieldID(named: "territory_id"))
        try manager.update(RecordID(account.id), fields: [territory: .bytes(RecordID(company.south.id).bytes)])
        #expect(try await sync(manager).accepted == 1)
        _ = try await sync(south)
        let arrived = try #require(try south.documents().first { $0.document.id == document.id })
        #expect(!arrived.isFetched)
        let wanted = arrived.document
        let fetched = try await TestSupportBlocking.run { () throws(ReplicaError) in try SyncClient(replica: south).fetch(wanted) }
        #expect(fetched.documentBytes == content.count)
        #expect(try south.content(of: arrived.document) == content)
        _ = try await sync(north)
        #expect(try north.documents().allSatisfy { $0.document.id != document.id })
    }

    @Test("A device cannot attach a document to a product: global records are read-only there")
    func productDocumentRefused() async throws {
        let hub = try await LiveHub.start()
        defer { Task { await hub.stop() } }
        let rep = try await hub.bootstrapped(hub.company.repNorth)
        let draft = Document(title: "Our own price list", fileName: "prices.csv", mediaType: "text/csv", attachedKind: .product,
                             attachedID: EntityID(hub.company.product.id.uuid), content: DocumentContentList(contentID: [], chunks: []))
        _ = try rep.stage(draft, content: Array("sku;price\n".utf8))
        let report = try await sync(rep)
        #expect(report.documentsUploaded == 1)
        #expect(report.rejected == 1)
        #expect(try await hub.store.documents().isEmpty)
    }
}
