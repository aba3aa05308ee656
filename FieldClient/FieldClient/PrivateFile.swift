import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Files only their owner may read (mode 0600): key files and unlock files.
enum PrivateFile {
    /// Creates `url` with `contents`, mode 0600 from the first byte on (never
    /// briefly readable by others); refuses to replace an existing file.
    static func create(_ url: URL, contents: [UInt8]) throws(ReplicaError) {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw ReplicaError(.invalid, "cannot create \(url.path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let written = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == contents.count, fsync(descriptor) == 0 else {
            unlink(url.path)
            throw ReplicaError(.invalid, "cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Replaces `url` with `contents` atomically (a 0600 sibling renamed over it).
    static func replace(_ url: URL, contents: [UInt8]) throws(ReplicaError) {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        unlink(temporary.path)
        try create(temporary, contents: contents)
        guard rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw ReplicaError(.invalid, "cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Whether `url` is a regular file of this user that neither its group nor others
    /// can read or write.
    static func isPrivate(_ url: URL) -> Bool {
        var status = stat()
        guard stat(url.path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return false }
        return status.st_mode & 0o077 == 0 && status.st_uid == getuid()
    }

    /// Throws unless `url` is private.
    /// - Throws: `.invalid`, telling the user to `chmod 600` it.
    static func requirePrivate(_ url: URL, what: String) throws(ReplicaError) {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw ReplicaError(.invalid, "the \(what) \(url.path) does not exist")
        }
        guard isPrivate(url) else {
            throw ReplicaError(.invalid, "the \(what) \(url.path) is readable or writable by others; chmod 600 it (and consider it leaked)")
        }
    }
}
