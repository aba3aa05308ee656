import ArgumentParser
import OutpostModel
import OutpostStore

/// The record a document is attached to, as `docs add` and `docs list` name it: the
/// catalog, a product by SKU, or an account, opportunity, quote or activity by id.
struct AttachmentOptions: ParsableArguments {
    @Option(help: "A product (SKU or id); its documents reach every device.") var product: String?
    @Option(help: "An account (id); its documents reach the devices whose scope holds it.") var account: String?
    @Option(help: "An opportunity (id); scoped like its account.") var opportunity: String?
    @Option(help: "A quote (id); scoped like its opportunity's account.") var quote: String?
    @Option(help: "An activity (id); scoped like its account.") var activity: String?
    @Flag(help: "The catalog as a whole; its documents reach every device.") var catalog = false

    /// The options, for messages.
    static let choices = "--catalog, --product SKU, --account ID, --opportunity ID, --quote ID, --activity ID"

    /// How many of the options are given.
    var count: Int { [product, account, opportunity, quote, activity].compactMap { $0 }.count + (catalog ? 1 : 0) }

    /// The attachment the one given option names, checked against the database.
    /// - Throws: a ``CommandError`` saying how to find the record when it does not exist.
    func attachment(_ store: any DocumentStore, _ records: any RecordStore) async throws
        -> (DocumentAttachmentKind, EntityID<AttachedRecord>?) {
        if catalog { return (.catalog, nil) }
        if let product { return (.product, EntityID(try await CatalogLookup.product(product, in: records).id.uuid)) }
        let (kind, text, hint): (DocumentAttachmentKind, String, String) =
            if let account { (.account, account, "outpost-server export accounts --db hq.sqlite") }
            else if let opportunity { (.opportunity, opportunity, "outpost-server export opportunities --db hq.sqlite") }
            else if let quote { (.quote, quote, "outpost quote list --json (on a device)") }
            else { (.activity, activity ?? "", "outpost-server export activities --db hq.sqlite") }
        let id = try EntityID<AttachedRecord>(parsing: text, field: "--\(kind.rawValue)")
        guard try await store.holdsAttachment(kind, id) else {
            throw CommandError("no \(kind.rawValue) \(id); find its id with: \(hint)")
        }
        return (kind, id)
    }
}
