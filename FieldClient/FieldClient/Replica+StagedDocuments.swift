public import DocumentContent
import Foundation
import GRDB
import MergeEngine
public import OutpostModel
import OutpostReplication
import StateCoding

/// A document added on this device whose content has not reached the server yet.
public struct StagedDocument: Sendable {
    /// The document's record, sent as a pending write once its content is uploaded.
    public let document: Document
    /// Why the server refused the upload, if it did.
    public let refusal: String?
}

extension Replica {
    /// Adds a document offline: cuts `content` into chunks and stores them sealed, pins
    /// it, and stages its record, which becomes a pending write (checked by the hub like
    /// any write) at the sync that uploads the last of its content.
    /// - Throws: `.invalid` for a record that fails validation.
    public func stage(_ draft: Document, content: [UInt8]) throws(ReplicaError) -> Document {
        let manifest: DocumentManifest
        do { manifest = try DocumentManifest(content: content) } catch {
            throw ReplicaError(.corrupt, "cannot hash the document: \(error)")
        }
        var document = draft
        document.content = DocumentContentList(manifest)
        document.size = manifest.size
        do { try document.validate() } catch { throw ReplicaError(.invalid, "\(error.description); nothing was added") }
        try storeChunks(manifest.split(content).map { ($0.reference.id.bytes, Array($0.bytes)) })
        let id = RecordID(document.id)
        let record = try cipher.seal(RecordStateCodec.encode(Self.state(of: document)), SealBinding(column: .stagedDocument, row: id.bytes))
        try write { db in
            try db.execute(sql: "INSERT INTO document_staged (document, record) VALUES (?, ?)", arguments: [Data(id.bytes), record])
        }
        try setPinned(document.id, true)
        return document
    }

    /// The documents added here whose content is not uploaded yet.
    public func stagedDocuments() throws(ReplicaError) -> [StagedDocument] {
        let rows = try read { db in try Row.fetchAll(db, sql: "SELECT document, record, refusal FROM document_staged") }
        var staged: [StagedDocument] = []
        for row in rows {
            let id: RecordID
            do { id = try RecordID(bytes: [UInt8](row[0] as Data)) } catch { throw ReplicaError(.corrupt, "a staged document's id is unreadable") }
            let bytes = try cipher.open(row[1] as Data, SealBinding(column: .stagedDocument, row: id.bytes))
            let refusal = try (row[2] as Data?).map { data throws(ReplicaError) in
                try cipher.openText(data, SealBinding(column: .stagedRefusal, row: id.bytes))
            }
            do {
                let state = try RecordStateCodec.decode(bytes, id: id)
                let document = try Document(recordID: id, fields: state.view(policy: .updateWins).values)
                staged.append(StagedDocument(document: document, refusal: refusal))
            } catch {
                throw ReplicaError(.corrupt, "staged document \(id) is unreadable (\(error)); add it again")
            }
        }
        return staged.sorted { ($0.document.title, $0.document.id) < ($1.document.title, $1.document.id) }
    }

    /// The content of a staged document's chunks, in order.
    func stagedChunks(_ document: Document) throws(ReplicaError) -> [(id: [UInt8], bytes: [UInt8])] {
        let content = try content(of: document)
        guard let manifest = document.content.manifest else { throw ReplicaError(.corrupt, "staged document \(document.id) names malformed chunk ids") }
        return manifest.split(content).map { ($0.reference.id.bytes, Array($0.bytes)) }
    }

    /// The server holds every chunk of `document`: its record becomes a pending write, in
    /// the same transaction that unstages it.
    func uploaded(_ document: Document) throws(ReplicaError) {
        try write { db in
            _ = try issue(db, .create(document), time: Date())
            try db.execute(sql: "DELETE FROM document_staged WHERE document = ?", arguments: [Data(RecordID(document.id).bytes)])
        }
    }

    /// The server refused `document`'s upload: the reason is kept beside it.
    func refuseUpload(_ document: Document, reason: String) throws(ReplicaError) {
        let id = RecordID(document.id)
        let sealed = try cipher.seal(reason, SealBinding(column: .stagedRefusal, row: id.bytes))
        try write { db in
            try db.execute(sql: "UPDATE document_staged SET refusal = ? WHERE document = ?", arguments: [sealed, Data(id.bytes)])
        }
    }

    /// A state holding `document`'s fields, to store it sealed until it is sent.
    private static func state(of document: Document) -> RecordState {
        let id = RecordID(document.id)
        var state = RecordState(id: id, type: ReplicatedKind.document.typeID)
        let dot = Dot(replica: ReplicaID(1), counter: 1)
        state.apply(Write(dot: dot, record: id, context: VersionVector(), operation: .create(type: ReplicatedKind.document.typeID, fields: document.fields),
                          time: WallClock(milliseconds: 0)), stamp: dot)
        return state
    }
}
