#if canImport(Glibc)
import Glibc
#endif
public import Foundation
public import DocumentContent

/// The server's document content: one file per chunk, named by its BLAKE2b id in hex,
/// in a folder beside the SQLite database (`hq.sqlite.content/`). A chunk is written to
/// a temporary file, flushed to disk, renamed into place and the folder flushed, so a
/// record committed after it is stored never names bytes a crash could lose.
public struct ContentFolder: ContentStore {
    /// The folder.
    public let url: URL

    /// The content folder of the database at `database`: `<database>.content`.
    public init(besideDatabase database: String) {
        url = URL(fileURLWithPath: database + ".content")
    }

    public func write(checked chunks: [(id: ContentID, bytes: [UInt8])]) throws(ContentStoreError) -> Int {
        try prepare()
        var stored = 0
        for chunk in chunks where !contains(chunk.id) {
            try write(chunk.bytes, to: path(of: chunk.id))
            stored += chunk.bytes.count
        }
        if stored > 0 { try flushFolder() }
        return stored
    }

    public func storedBytes(of ids: [ContentID]) -> [ContentID: [UInt8]] {
        var found: [ContentID: [UInt8]] = [:]
        for id in ids { found[id] = FileManager.default.contents(atPath: path(of: id)).map { [UInt8]($0) } }
        return found
    }

    public func held(_ ids: [ContentID]) -> Set<ContentID> { Set(ids.filter(contains)) }

    public func deleteCollected(_ ids: Set<ContentID>) throws(ContentStoreError) {
        for id in ids where unlink(path(of: id)) != 0 && errno != ENOENT {
            throw ContentStoreError("cannot delete \(path(of: id)): \(String(cString: strerror(errno))); check the folder's permissions")
        }
        if !ids.isEmpty { try flushFolder() }
    }

    /// Whether chunk `id` is here.
    private func contains(_ id: ContentID) -> Bool { FileManager.default.fileExists(atPath: path(of: id)) }

    private func path(of id: ContentID) -> String { url.appendingPathComponent(id.description).path }

    private func prepare() throws(ContentStoreError) {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ContentStoreError("cannot create the content folder \(url.path): \(error.localizedDescription); check its parent's permissions")
        }
    }

    private func write(_ bytes: [UInt8], to path: String) throws(ContentStoreError) {
        let temporary = path + ".partial"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw ContentStoreError("cannot write \(temporary): \(String(cString: strerror(errno)))") }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            guard n > 0 else {
                close(fd)
                throw ContentStoreError("cannot write \(temporary): \(String(cString: strerror(errno))); is the disk full?")
            }
            written += n
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, path) == 0 else {
            throw ContentStoreError("cannot store chunk \(path): \(String(cString: strerror(errno)))")
        }
    }

    private func flushFolder() throws(ContentStoreError) {
        let fd = open(url.path, O_RDONLY)
        guard fd >= 0 else { throw ContentStoreError("cannot open \(url.path) to flush it: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw ContentStoreError("cannot flush \(url.path): \(String(cString: strerror(errno)))") }
    }
}
