public import OutpostModel
import OutpostReplication
import SodiumKit

/// The identity of one version of a quote, which an order carries (`Order.quoteHash`).
///
/// It is the lower-case hex BLAKE2b-256 of `Quote.versionText` (the quote's CSV row,
/// `id` then each field's text form in field-id order, joined by line feeds, which no
/// text field may contain). Device (`outpost order place`) and server (intake) compute
/// it here, alike, so the server can tell that an order was placed on exactly the
/// quote it holds.
public enum QuoteVersion {
    /// The version hash of `quote`.
    public static func hash(of quote: Quote) -> String {
        // A 32-byte unkeyed BLAKE2b is within libsodium's limits, so this cannot fail.
        let digest = (try? GenericHash.hash(Array(quote.versionText.utf8), outputLength: 32)) ?? []
        return GenericHash.hex(digest)
    }
}
