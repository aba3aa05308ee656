public import OutpostModel
import OutpostReplication
import SodiumKit

/// The identity of one version of a quote, which an order carries (`Order.quoteHash`).
///
/// It is the lower-case hex BLAKE2b-256 of the quote's CSV row (`id`, then each field's
/// text form in field-id order, `Protocol/RECORDS.md`) joined by line feeds, which no
/// text field may contain. Device and server compute it alike, so the server can
/// tell that an order was placed on exactly the quote it holds.
public enum QuoteVersion {
    /// The version hash of `quote`.
    public static func hash(of quote: Quote) -> String {
        let row = Quote.kind.csvRow(id: quote.recordID, fields: quote.fields).joined(separator: "\n")
        // A 32-byte unkeyed BLAKE2b is within libsodium's limits, so this cannot fail.
        let digest = (try? GenericHash.hash(Array(row.utf8), outputLength: 32)) ?? []
        return GenericHash.hex(digest)
    }
}
