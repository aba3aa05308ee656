import Foundation
import GRDB
import OutpostModel
@testable import OutpostPostgres
import OutpostSQLite
import OutpostStore
import PostgresNIO
import StoreTestSupport
import Synchronization
import Testing

/// Orphan content and upload holds behave the same on every backend: content a device
/// uploaded is not collected while its hold lasts, and is once it has ended and no
/// live document names it.
@Suite("Document store: orphan collection and upload holds, on each backend")
struct DocumentStoreTests {
    /// The moment the tests' holds are taken.
    static let start = Date(timeIntervalSince1970: 1_800_000_000)
    static let day: TimeInterval = 24 * 60 * 60

    /// A 32-byte chunk id made of `byte`.
    static func chunk(_ byte: UInt8) -> [UInt8] { [UInt8](repeating: byte, count: 32) }

    /// A catalog document naming `chunks`.
    static func document(naming chunks: [[UInt8]]) -> Document {
        Document(title: "Price list", fileName: "prices.csv", mediaType: "text/csv", attachedKind: .catalog, attachedID: nil,
                 content: DocumentContentList(contentID: chunk(0), chunks: chunks.map { .init(id: $0, length: 100) }))
    }

    /// Runs `body` with a fresh store of `backend`, as its documents.
    static func withDocuments(_ backend: StoreBackend, _ body: (any DocumentStore) async throws -> Void) async throws {
        try await backend.withRecords { records in try await body(try #require(records as? any DocumentStore)) }
    }

    /// Collects with holds taken since `heldSince`; returns the chunks whose content it deleted.
    static func collect(_ store: any DocumentStore, heldSince: Date) async throws -> Set<[UInt8]> {
        let deleted = Deleted()
        let count = try await store.collectOrphanChunks(heldSince: heldSince) { chunks in deleted.add(chunks) }
        #expect(count == deleted.chunks.count)
        return deleted.chunks
    }

    @Test("A chunk a removed document named is kept while an upload holds it, deleted once the hold is older than the cut-off",
          arguments: StoreBackend.allCases)
    func holdOutlivesRemoval(backend: StoreBackend) async throws {
        try await Self.withDocuments(backend) { store in
            let (shared, own) = (Self.chunk(1), Self.chunk(2))
            let removed = Self.document(naming: [shared, own])
            try await store.saveDocument(removed, now: Self.start)
            try await store.holdUploadedChunks([shared], device: 7, now: Self.start)
            #expect(try await store.removeDocument(removed.id, now: Self.start))

            #expect(try await Self.collect(store, heldSince: Self.start - 30 * Self.day) == [own])
            #expect(try await Self.collect(store, heldSince: Self.start) == [], "a hold taken at the cut-off still holds")
            #expect(try await Self.collect(store, heldSince: Self.start + 1) == [shared])
            #expect(try await Self.collect(store, heldSince: Self.start + 1) == [])
        }
    }

    @Test("An upload whose record never comes is deleted once its hold ends; one whose record came stays, named",
          arguments: StoreBackend.allCases)
    func abandonedAndNamedUploads(backend: StoreBackend) async throws {
        try await Self.withDocuments(backend) { store in
            let (abandoned, named) = (Self.chunk(3), Self.chunk(4))
            try await store.holdUploadedChunks([abandoned, named], device: 7, now: Self.start)
            try await store.saveDocument(Self.document(naming: [named]), now: Self.start)
            #expect(try await Self.collect(store, heldSince: Self.start) == [])
            #expect(try await Self.collect(store, heldSince: Self.start + 1) == [abandoned])
            #expect(try await Self.collect(store, heldSince: Self.start + 60 * Self.day) == [])
        }
    }

    @Test("A device's record releases its upload's hold, so the document's removal deletes its content at once; a chunk another upload holds stays",
          arguments: StoreBackend.allCases)
    func recordReleasesHold(backend: StoreBackend) async throws {
        try await Self.withDocuments(backend) { store in
            let (shared, own) = (Self.chunk(8), Self.chunk(9))
            try await store.holdUploadedChunks([shared, own], device: 7, now: Self.start)
            try await store.holdUploadedChunks([shared], device: 7, now: Self.start)
            try await store.holdUploadedChunks([shared], device: 8, now: Self.start)
            let first = Self.document(naming: [shared, own])
            try await store.saveDocument(first, now: Self.start)
            try await store.releaseUploadHolds(device: 7, createdDocuments: [first.id])
            #expect(try await store.removeDocument(first.id, now: Self.start))
            #expect(try await Self.collect(store, heldSince: Self.start) == [own])

            // The device's second upload and the other device's still hold the shared chunk.
            let second = Self.document(naming: [shared])
            try await store.saveDocument(second, now: Self.start)
            try await store.releaseUploadHolds(device: 7, createdDocuments: [second.id])
            #expect(try await store.removeDocument(second.id, now: Self.start))
            #expect(try await Self.collect(store, heldSince: Self.start) == [], "device 8's upload still holds it")
            #expect(try await Self.collect(store, heldSince: Self.start + 1) == [shared])
        }
    }

    @Test("On SQLite no hold can commit, from this process or another, while a collection deletes content")
    func sqliteCollectionExcludesHolds() async throws {
        let folder = try ScratchFolder("outpost-docs")
        defer { folder.remove() }
        let path = folder.path("hq.sqlite")
        let store = try SQLiteStore(path: path)
        let removed = Self.document(naming: [Self.chunk(5)])
        try await store.saveDocument(removed, now: Self.start)
        _ = try await store.removeDocument(removed.id, now: Self.start)
        let collected = try await store.collectOrphanChunks(heldSince: Self.start) { chunks in
            #expect(chunks == [Self.chunk(5)])
            // Another connection, as another outpost-server process would hold: it cannot write now.
            var configuration = Configuration()
            configuration.busyMode = .immediateError
            let other = try DatabaseQueue(path: path, configuration: configuration)
            do {
                try other.write { db in
                    try db.execute(sql: "INSERT INTO document_upload_hold (chunk, device, held_at, uploads) VALUES (?, 7, 0, 1)",
                                   arguments: [Data(Self.chunk(5))])
                }
                Issue.record("a hold committed while the collection was deleting content")
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {}
        }
        #expect(collected == 1)
    }

    @Test("On PostgreSQL a collection waits for a hold in progress and sees it; a hold waits for a collection in progress", .needsPostgres)
    func postgresLockOrder() async throws {
        let folder = try ScratchFolder("outpost-docs")
        defer { folder.remove() }
        try await TestPostgres.withDatabase { location in
            try await PostgresStore.withStore(at: location, mode: .create, keyFile: folder.path("server.key")) { store in
                let (held, free) = (Self.chunk(6), Self.chunk(7))
                let removed = Self.document(naming: [held, free])
                try await store.saveDocument(removed, now: Self.start)
                _ = try await store.removeDocument(removed.id, now: Self.start)
                _ = try await store.storeContentChunks([(held, [1]), (free, [2])])

                // A hold that has taken the lock and written its row: the collection started
                // meanwhile waits for it, then sees it.
                let (collected, collectionWaited) = try await Self.whileLocked(store, then: {
                    try await store.collectOrphanChunks(heldSince: Self.start) { chunks in #expect(chunks == [free]) }
                }) { connection, logger in
                    try await connection.query("""
                        INSERT INTO document_upload_hold (chunk, device, held_at, uploads) VALUES (\(Data(held)), 7, \(Self.start), 1)
                        """, logger: logger)
                }
                #expect(collectionWaited && collected == 1)
                #expect(try await store.heldContentChunks([held, free]) == [held])

                // A collection that has chosen: a hold started meanwhile waits until its deletion is committed.
                let (_, holdWaited) = try await Self.whileLocked(store, then: {
                    try await store.holdUploadedChunks([held], device: 8, now: Self.start)
                }) { connection, logger in
                    try await connection.query("DELETE FROM document_content WHERE chunk = \(Data(held))", logger: logger)
                }
                #expect(holdWaited)
                #expect(try await store.heldContentChunks([held]).isEmpty, "the upload, looking after its hold, writes it again")
            }
        }
    }

    /// Runs `locked` in a transaction holding the content lock, and starts `then` once it
    /// has; commits once `then` is seen waiting for the lock (or has ended without waiting).
    /// - Returns: what `then` returned, and whether it waited for the lock.
    static func whileLocked<T: Sendable>(_ store: PostgresStore, then: @escaping @Sendable () async throws -> T,
                                         _ locked: @escaping @Sendable (PostgresConnection, Logger) async throws -> Void)
        async throws -> (T, waited: Bool) {
        let (lockTaken, taken) = AsyncStream.makeStream(of: Void.self)
        let (waiterSeen, seen) = AsyncStream.makeStream(of: Void.self)
        defer { seen.finish() }
        let holder = Task {
            defer { taken.finish() }
            try await store.transaction("holding the content lock") { [logger = store.logger] connection in
                try await connection.query(PostgresDocumentChunks.lockSQL, logger: logger)
                try await locked(connection, logger)
                taken.yield()
                for await _ in waiterSeen { break }
            }
        }
        for await _ in lockTaken { break }
        let finished = Mutex(false)
        let waiter = Task {
            defer { finished.withLock { $0 = true } }
            return try await then()
        }
        var waited = false
        while !waited, !finished.withLock({ $0 }) {
            waited = try await store.read("counting lock waits", { connection in
                try await connection.query("""
                    SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                        AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                    """, logger: store.logger).all(Int64.self).first ?? 0
            }) > 0
            await Task.yield()
        }
        seen.yield()
        try await holder.value
        return (try await waiter.value, waited)
    }
}

/// The chunks a collection's deletion was given, gathered across its call.
private final class Deleted: Sendable {
    private let state = Mutex<Set<[UInt8]>>([])
    func add(_ chunks: Set<[UInt8]>) { state.withLock { $0.formUnion(chunks) } }
    var chunks: Set<[UInt8]> { state.withLock { $0 } }
}
