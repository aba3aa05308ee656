import SodiumKit

/// The signature on every webhook request, in the `Outpost-Signature` header:
///
///     Outpost-Signature: t=1764979200,v1=5f1c…(64 hex digits)
///
/// `t` is the sending time in Unix seconds and `v1` the lower-case hex of
/// HMAC-SHA-256, keyed with the webhook's secret (its UTF-8 bytes), over `t`, a dot,
/// and the raw request body. A receiver recomputes it (README.md shows the recipe),
/// compares in constant time, and refuses a `t` more than a few minutes old.
enum WebhookSignature {
    /// The header's name.
    static let header = "Outpost-Signature"

    /// The header value for `body` sent at `timestamp` (Unix seconds).
    static func value(body: [UInt8], secret: String, timestamp: Int64) throws(SodiumError) -> String {
        let tag = try HMACSHA256.tag(Array("\(timestamp).".utf8) + body, key: Array(secret.utf8))
        return "t=\(timestamp),v1=\(GenericHash.hex(tag))"
    }
}
