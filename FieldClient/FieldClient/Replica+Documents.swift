public import DocumentContent
import Foundation
import GRDB
import MergeEngine
public import OutpostModel
import OutpostReplication
import SodiumKit

/// A document as this device holds it: the record, and whether its content is here.
public struct LocalDocument: Sendable {
    /// The document's record.
    public let document: Document
    /// Whether the rep pinned it (`outpost docs pin`).
    public let pinned: Bool
    /// Bytes of its content not on this device yet.
    public let missingBytes: Int
    /// Whether it was added on this device and its content is not uploaded yet.
    public var isStaged = false
    /// Why the server refused its upload, if it did.
    public var uploadRefusal: String?

    /// A document as held here.
    public init(document: Document, pinned: Bool, missingBytes: Int, isStaged: Bool = false, uploadRefusal: String? = nil) {
        self.document = document
        self.pinned = pinned
        self.missingBytes = missingBytes
        self.isStaged = isStaged
        self.uploadRefusal = uploadRefusal
    }

    /// Whether this device fetches and keeps it: pinned here or everywhere.
    public var isKept: Bool { pinned || document.pinnedEverywhere }
    /// Whether all of its content is here.
    public var isFetched: Bool { missingBytes == 0 }
}

extension Replica {
    /// Every live document in this replica, by title, with its pin and what is missing.
    public func documents() throws(ReplicaError) -> [LocalDocument] {
        let documents = try documentRecords()
        let pins = try pinnedDocuments()
        let held = try heldChunks(of: documents)
        let live = documents.map { document in
            let missing = document.content.chunks.filter { !held.contains($0.id) }.reduce(0) { $0 + $1.length }
            return LocalDocument(document: document, pinned: pins.contains(document.id), missingBytes: missing)
        }
        let ids = Set(documents.map(\.id))
        let staged = try stagedDocuments().filter { !ids.contains($0.document.id) }.map { staged in
            LocalDocument(document: staged.document, pinned: true, missingBytes: 0, isStaged: true, uploadRefusal: staged.refusal)
        }
        return live + staged
    }

    /// The document that `idOrPrefix` names: its id, its short id, or other 4+ hex digits
    /// from the id's start or end (``IDFragment``).
    /// - Throws: `.notFound` when none or several match.
    public func document(_ idOrPrefix: String) throws(ReplicaError) -> LocalDocument {
        let fragment = IDFragment(idOrPrefix)
        let matches = try fragment.map { fragment throws(ReplicaError) in
            try documents().filter { fragment.names($0.document.id.description) }
        } ?? []
        guard matches.count == 1, let match = matches.first else {
            throw ReplicaError(.notFound, matches.isEmpty
                ? "no document \"\(idOrPrefix)\" on this device; list them with: outpost docs list"
                : "\"\(idOrPrefix)\" matches \(matches.count) documents; give more of the id")
        }
        return match
    }

    /// The bytes of content this device fetches per sync by default, as the admin set it
    /// on its `device` record; `nil`: no limit.
    public func defaultDocumentBudget() throws(ReplicaError) -> Int? {
        let number = Int(try identity().deviceNumber)
        for local in try records(of: .device) where !local.view.isDeleted {
            if let name = try? local.decoded() as? DeviceName, name.number == number { return name.documentBudget }
        }
        return nil
    }

    /// Pins or unpins a document: a pinned document's content is fetched at each sync
    /// (within its byte budget) and kept; an unpinned one's is dropped unless it is
    /// pinned everywhere.
    public func setPinned(_ id: DocumentID, _ pinned: Bool) throws(ReplicaError) {
        try write { db in
            if pinned {
                try db.execute(sql: "INSERT OR IGNORE INTO document_pin (document) VALUES (?)", arguments: [Data(RecordID(id).bytes)])
            } else {
                try db.execute(sql: "DELETE FROM document_pin WHERE document = ?", arguments: [Data(RecordID(id).bytes)])
            }
        }
        if !pinned { try dropUnkeptContent() }
    }

    /// The content of `document`, rebuilt from its chunks and checked against its id.
    /// - Throws: `.notFound` naming the bytes still to fetch when a chunk is not here;
    ///   `.corrupt` when a chunk does not match.
    public func content(of document: Document) throws(ReplicaError) -> [UInt8] {
        guard let manifest = document.content.manifest else { throw ReplicaError(.corrupt, "document \(document.id) names malformed chunk ids") }
        let chunks: [ContentID: [UInt8]] = try read { db in
            var found: [ContentID: [UInt8]] = [:]
            for chunk in manifest.chunks where found[chunk.id] == nil {
                let key = try chunkKey(chunk.id.bytes)
                if let sealed = try Data.fetchOne(db, sql: "SELECT sealed FROM content_chunk WHERE key = ?", arguments: [Data(key)]) {
                    found[chunk.id] = try cipher.open(sealed, SealBinding(column: .contentChunk, row: key))
                }
            }
            return found
        }
        do { return try manifest.reassemble(from: chunks) } catch {
            if error.code == .missingChunk {
                let missing = manifest.chunks.filter { chunks[$0.id] == nil }.reduce(0) { $0 + $1.length }
                throw ReplicaError(.notFound, "\"\(document.title)\" is not on this device yet (\(missing) bytes to fetch); "
                    + "pin it with: outpost docs pin \(document.id.description.prefix(8)), then sync")
            }
            throw ReplicaError(.corrupt, error.message)
        }
    }

    /// Stores chunks, each sealed and checked against its id, in one transaction.
    /// - Throws: `.corrupt` for a chunk whose bytes do not match its id (nothing is stored).
    func storeChunks(_ chunks: [(id: [UInt8], bytes: [UInt8])]) throws(ReplicaError) {
        var rows: [(key: [UInt8], sealed: Data)] = []
        for (id, bytes) in chunks {
            guard let expected = ContentID(bytes: id), (try? ContentID(of: bytes[...])) == expected else {
                throw ReplicaError(.corrupt, "chunk \(GenericHash.hex(id)) does not match its bytes; nothing of it was kept, sync again")
            }
            let key = try chunkKey(id)
            rows.append((key, try cipher.seal(bytes, SealBinding(column: .contentChunk, row: key))))
        }
        try write { db in
            let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO content_chunk (key, sealed) VALUES (?, ?)")
            for row in rows { try insert.execute(arguments: [Data(row.key), row.sealed]) }
        }
    }

    /// The documents whose content this device keeps, those pinned everywhere first,
    /// then the rep's pins, each by title.
    func keptManifests() throws(ReplicaError) -> [DocumentManifest] {
        try documents().filter(\.isKept)
            .sorted { ($0.document.pinnedEverywhere ? 0 : 1, $0.document.title) < ($1.document.pinnedEverywhere ? 0 : 1, $1.document.title) }
            .compactMap(\.document.content.manifest)
    }

    /// The chunk ids of `manifests` this replica holds.
    func heldChunkIDs(of manifests: [DocumentManifest]) throws(ReplicaError) -> Set<ContentID> {
        let ids = Set(manifests.flatMap { $0.chunks.map(\.id) })
        let held = try heldChunks(ids.map(\.bytes))
        return ids.filter { held.contains($0.bytes) }
    }

    /// Deletes the chunks no kept document names any more (an unpinned or removed
    /// document's), so the replica holds only what the rep keeps. A document the rep added
    /// whose record the hub refused keeps its content until the rep discards the refused
    /// change: it is the rep's work, and exists nowhere else.
    /// - Returns: how many chunks were dropped.
    @discardableResult
    public func dropUnkeptContent() throws(ReplicaError) -> Int {
        let manifests = try keptManifests() + refusedDocumentManifests()
        let kept = try Set(manifests.flatMap { $0.chunks.map(\.id.bytes) }.map { id throws(ReplicaError) in try chunkKey(id) })
        return try write { db in
            let stored = try Data.fetchAll(db, sql: "SELECT key FROM content_chunk").map { [UInt8]($0) }
            var dropped = 0
            for key in stored where !kept.contains(key) {
                try db.execute(sql: "DELETE FROM content_chunk WHERE key = ?", arguments: [Data(key)])
                dropped += 1
            }
            return dropped
        }
    }

    // MARK: Private

    /// The content of the documents this device created whose records the hub refused.
    private func refusedDocumentManifests() throws(ReplicaError) -> [DocumentManifest] {
        try rejectedWrites().compactMap { entry in
            guard case .create(let type, let fields) = entry.write.operation, type == ReplicatedKind.document.typeID else { return nil }
            return (try? Document(recordID: entry.record, fields: fields))?.content.manifest
        }
    }

    private func documentRecords() throws(ReplicaError) -> [Document] {
        var documents: [Document] = []
        for local in try records(of: .document) where !local.view.isDeleted {
            guard let document = try? local.decoded() as? Document else { continue }
            documents.append(document)
        }
        return documents.sorted { ($0.title, $0.id) < ($1.title, $1.id) }
    }

    private func pinnedDocuments() throws(ReplicaError) -> Set<DocumentID> {
        try read { db in
            Set(try Data.fetchAll(db, sql: "SELECT document FROM document_pin").compactMap { data in
                (try? RecordID(bytes: [UInt8](data))).map(DocumentID.init)
            })
        }
    }

    private func heldChunks(of documents: [Document]) throws(ReplicaError) -> Set<[UInt8]> {
        try heldChunks(Array(Set(documents.flatMap { $0.content.chunks.map(\.id) })))
    }

    /// The ids among `ids` whose chunk is stored.
    private func heldChunks(_ ids: [[UInt8]]) throws(ReplicaError) -> Set<[UInt8]> {
        let keyed = try ids.map { id throws(ReplicaError) in (id, try chunkKey(id)) }
        return try read { db in
            let statement = try db.cachedStatement(sql: "SELECT 1 FROM content_chunk WHERE key = ?")
            var held: Set<[UInt8]> = []
            for (id, key) in keyed where try Bool.fetchOne(statement, arguments: [Data(key)]) ?? false { held.insert(id) }
            return held
        }
    }

    /// The row key of chunk `id`: BLAKE2b of the id keyed with a subkey of the replica
    /// key (itself BLAKE2b of a fixed label keyed with the replica key, so the AEAD key
    /// is never used as a hash key).
    private func chunkKey(_ id: [UInt8]) throws(ReplicaError) -> [UInt8] {
        do {
            let subkey = try GenericHash.hash(Array("outpost content chunk keys v1".utf8), outputLength: 32, key: cipher.key.bytes)
            return try GenericHash.hash(id, outputLength: 32, key: subkey)
        } catch {
            throw ReplicaError(.corrupt, "cannot derive a chunk key: \(error)")
        }
    }

    /// Reserves the next request counter for a content request (stored before anything
    /// is sent, so no counter, hence no nonce, is used twice).
    func reserveRequestCounter() throws(ReplicaError) -> DeviceIdentity {
        try write { db in try DeviceIdentity.update(db, cipher: cipher) { $0.requestCounter += 1 } }
    }
}

extension Replica {
    /// Writes a decrypted copy of `document` to a new private temporary folder (mode
    /// 0700, the file 0600) and returns the file's location; the rep opens it from there.
    public func openCopy(of document: Document) throws(ReplicaError) -> URL {
        let bytes = try content(of: document)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-doc-\(UUID().uuidString.prefix(8).lowercased())")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ReplicaError(.storage, "cannot create \(folder.path): \(error.localizedDescription); check TMPDIR")
        }
        let name = document.fileName.split(separator: "/").last.map(String.init) ?? "document"
        let file = folder.appendingPathComponent(name.isEmpty || name.hasPrefix(".") ? "document" : name)
        try PrivateFile.create(file, contents: bytes)
        return file
    }
}
