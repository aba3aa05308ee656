#if canImport(Glibc)
import Glibc
#endif
public import Foundation
import DocumentContent
import SodiumKit

/// The server's document content: one file per chunk, named by its BLAKE2b id in hex,
/// in a folder beside the SQLite database (`hq.sqlite.content/`). A chunk is written to
/// a temporary file, flushed to disk, renamed into place and the folder flushed, so a
/// record committed after ``store(_:)`` never names bytes a crash could lose.
public struct ContentFolder: Sendable {
    /// The folder.
    public let url: URL

    /// The content folder of the database at `database`: `<database>.content`.
    public init(besideDatabase database: String) {
        url = URL(fileURLWithPath: database + ".content")
    }

    /// Cuts `content` into chunks, stores those not yet here durably, and returns its manifest.
    /// - Throws: ``ContentFolderError`` when the folder cannot be written.
    public func store(_ content: [UInt8]) throws(ContentFolderError) -> DocumentManifest {
        let manifest: DocumentManifest
        do { manifest = try DocumentManifest(content: content) } catch {
            throw ContentFolderError("cannot hash the document: \(error)")
        }
        try prepare()
        var wrote = false
        for (reference, bytes) in manifest.split(content) where !contains(reference.id) {
            try write(Array(bytes), to: path(of: reference.id))
            wrote = true
        }
        if wrote { try flushFolder() }
        return manifest
    }

    /// Stores `chunks` (each checked against its id) durably, those not yet here.
    /// - Returns: the bytes newly stored.
    /// - Throws: ``ContentFolderError`` for a chunk whose bytes do not match its id, or
    ///   when the folder cannot be written.
    @discardableResult
    public func store(chunks: [(id: ContentID, bytes: [UInt8])]) throws(ContentFolderError) -> Int {
        try prepare()
        var stored = 0
        for chunk in chunks where !contains(chunk.id) {
            guard (try? ContentID(of: chunk.bytes[...])) == chunk.id else {
                throw ContentFolderError("chunk \(chunk.id) does not match its bytes; nothing more was stored")
            }
            try write(chunk.bytes, to: path(of: chunk.id))
            stored += chunk.bytes.count
        }
        if stored > 0 { try flushFolder() }
        return stored
    }

    /// The bytes of chunk `id`, checked against it, or `nil` if it is not here (or damaged).
    public func chunk(_ id: [UInt8]) -> [UInt8]? {
        guard let contentID = ContentID(bytes: id), let data = FileManager.default.contents(atPath: path(of: contentID)) else { return nil }
        let bytes = [UInt8](data)
        guard (try? ContentID(of: bytes[...])) == contentID else { return nil }
        return bytes
    }

    /// Whether chunk `id` is here.
    public func contains(_ id: ContentID) -> Bool { FileManager.default.fileExists(atPath: path(of: id)) }

    private func path(of id: ContentID) -> String { url.appendingPathComponent(id.description).path }

    private func prepare() throws(ContentFolderError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ContentFolderError("cannot create the content folder \(url.path): \(error.localizedDescription); check its parent's permissions")
        }
    }

    private func write(_ bytes: [UInt8], to path: String) throws(ContentFolderError) {
        let temporary = path + ".partial"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw ContentFolderError("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else {
                close(fd)
                throw ContentFolderError("cannot write \(temporary): \(String(cString: strerror(errno))); is the disk full?")
            }
            written += n
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, path) == 0 else {
            throw ContentFolderError("cannot store chunk \(path): \(String(cString: strerror(errno)))")
        }
    }

    private func flushFolder() throws(ContentFolderError) {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw ContentFolderError("cannot open \(url.path) to flush it: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw ContentFolderError("cannot flush \(url.path): \(String(cString: strerror(errno)))") }
    }
}

/// The content folder cannot be read or written; the message says which file and why.
public struct ContentFolderError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
