public import Foundation
import SodiumKit

/// The unlock-once file `outpost unlock` writes so that later commands skip Argon2id:
/// the replica's wrapping key and an expiry, mode 0600, in
/// `$XDG_RUNTIME_DIR/outpost/` (a per-user memory file system, gone at logout or
/// power-off) or, without one, in the replica folder. A command uses it only while it
/// is unexpired, private, and opens the replica's key slot; otherwise it deletes it.
/// `outpost lock` and a revocation wipe delete it.
///
/// Layout (44 bytes): `OPU1`, the expiry in milliseconds since 1970 (8 bytes, big
/// endian), the 32-byte wrapping key.
public struct UnlockFile: Sendable {
    /// Where the file lives for this replica.
    public let url: URL

    private static let magic = Array("OPU1".utf8)
    private static var length: Int { magic.count + 8 + AEAD.Key.length }

    /// The unlock file of the replica in `folder`: in `$XDG_RUNTIME_DIR/outpost/`, named
    /// by a hash of the folder's path, when that directory exists; else in the folder.
    public init(folder: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let runtime = environment["XDG_RUNTIME_DIR"], !runtime.isEmpty,
           FileManager.default.fileExists(atPath: runtime) {
            let path = Array(folder.standardizedFileURL.path.utf8)
            let name = GenericHash.hex((try? GenericHash.hash(path, outputLength: 16)) ?? path)
            url = URL(fileURLWithPath: runtime, isDirectory: true).appendingPathComponent("outpost/\(name).unlock")
        } else {
            url = folder.appendingPathComponent(Self.inFolderName)
        }
    }

    /// The file's name when it lives in the replica folder.
    static let inFolderName = "unlock.key"

    /// Writes `wrappingKey`, good until `expiry`.
    func write(_ wrappingKey: AEAD.Key, expiry: Date) throws(ReplicaError) {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ReplicaError(.invalid, "cannot create \(directory.path): \(error.localizedDescription)")
        }
        var bytes = Self.magic
        bytes.append(bigEndian: UInt64(max(0, Int64(expiry.timeIntervalSince1970 * 1000))))
        try PrivateFile.replace(url, contents: bytes + wrappingKey.bytes)
    }

    /// The wrapping key if the file exists, is private and has not expired at `now`; a
    /// file that fails any of these is deleted.
    func read(now: Date = Date()) -> AEAD.Key? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        guard PrivateFile.isPrivate(url), let data = FileManager.default.contents(atPath: url.path), data.count == Self.length,
              Array(data.prefix(Self.magic.count)) == Self.magic else {
            remove()
            return nil
        }
        let expiry = data.dropFirst(Self.magic.count).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard Int64(clamping: expiry) > Int64(now.timeIntervalSince1970 * 1000),
              let key = try? AEAD.Key(Array(data.suffix(AEAD.Key.length))) else {
            remove()
            return nil
        }
        return key
    }

    /// Deletes the file; returns whether there was one.
    @discardableResult
    public func remove() -> Bool {
        (try? FileManager.default.removeItem(at: url)) != nil
    }
}
