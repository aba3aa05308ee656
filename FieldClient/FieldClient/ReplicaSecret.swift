public import Foundation
import SodiumKit

/// What opens an encrypted replica: the user's passphrase (through Argon2id), or a key
/// file for unattended devices (at least 32 random bytes, mode 0600).
public enum ReplicaSecret: Sendable, Equatable {
    /// A passphrase's bytes (UTF-8 for text).
    case passphrase([UInt8])
    /// A file whose bytes are the key material.
    case keyFile(URL)

    /// The fewest characters a new passphrase may have.
    public static let minimumPassphraseLength = 12
    /// The fewest bytes a key file may hold.
    public static let minimumKeyFileLength = 32

    /// A text passphrase.
    public static func passphrase(text: String) -> ReplicaSecret { .passphrase(Array(text.utf8)) }

    /// The passphrase in `file`, without one trailing line break (`--passphrase-file`).
    /// - Throws: `.invalid` if the file cannot be read.
    public static func passphrase(file: URL) throws(ReplicaError) -> ReplicaSecret {
        guard var bytes = FileManager.default.contents(atPath: file.path).map(Array.init) else {
            throw ReplicaError(.invalid, "cannot read the passphrase file \(file.path)")
        }
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        return .passphrase(bytes)
    }

    /// The method name stored in the key slot.
    var method: KeySlot.Method {
        switch self {
        case .passphrase: .passphrase
        case .keyFile: .keyFile
        }
    }

    /// Checks a secret chosen at enrolment, creating a missing key file with 32 random
    /// bytes (mode 0600), so that a bad secret fails before the one-time code is spent.
    /// - Throws: `.invalid` for a short passphrase or an unusable key file.
    func prepareForEnrolment() throws(ReplicaError) {
        switch self {
        case .passphrase(let bytes):
            guard (String(bytes: bytes, encoding: .utf8)?.count ?? bytes.count) >= Self.minimumPassphraseLength else {
                throw ReplicaError(.invalid, "choose a passphrase of at least \(Self.minimumPassphraseLength) characters")
            }
        case .keyFile(let url):
            guard !FileManager.default.fileExists(atPath: url.path) else { return }
            do { try PrivateFile.create(url, contents: try SecureRandom.bytes(Self.minimumKeyFileLength)) } catch let error as ReplicaError {
                throw error
            } catch {
                throw ReplicaError(.invalid, "cannot make the key file \(url.path): \(error)")
            }
        }
    }

    /// The key material: the passphrase, or the key file's bytes.
    /// - Throws: `.invalid` for a missing, short or group/world-readable key file.
    func material() throws(ReplicaError) -> [UInt8] {
        switch self {
        case .passphrase(let bytes): return bytes
        case .keyFile(let url):
            try PrivateFile.requirePrivate(url, what: "key file")
            guard let bytes = FileManager.default.contents(atPath: url.path) else {
                throw ReplicaError(.invalid, "cannot read the key file \(url.path)")
            }
            guard bytes.count >= Self.minimumKeyFileLength else {
                throw ReplicaError(.invalid, "the key file \(url.path) holds \(bytes.count) bytes; it needs at least "
                    + "\(Self.minimumKeyFileLength) random bytes (head -c 32 /dev/urandom > FILE; chmod 600 FILE)")
            }
            return Array(bytes)
        }
    }
}
