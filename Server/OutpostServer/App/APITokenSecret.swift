import SodiumKit

/// The secret text of an API token: `opt_` · its 8-hex-digit id · `_` · 64 hex digits
/// (32 random bytes). Only its BLAKE2b-256 digest is stored.
enum APITokenSecret {
    /// A new token: its id and its secret text (shown once).
    static func generate() throws -> (id: String, secret: String) {
        let id = GenericHash.hex(try SecureRandom.bytes(4))
        return (id, "opt_\(id)_" + GenericHash.hex(try SecureRandom.bytes(32)))
    }

    /// The digest the store keeps and looks tokens up by.
    static func digest(_ secret: String) throws -> [UInt8] {
        try GenericHash.hash(Array(secret.utf8), outputLength: 32, key: Array("outpost api token v1".utf8))
    }
}
