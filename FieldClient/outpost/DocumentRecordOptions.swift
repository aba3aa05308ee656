import ArgumentParser
import FieldClient
import OutpostModel
import OutpostReplication

/// The record of this device's scope a document is attached to, as `docs add` and
/// `docs list` name it: an account, opportunity, quote or activity, by name or id.
struct DocumentRecordOptions: ParsableArguments {
    @Option(help: "An account (name or id).") var account: String?
    @Option(help: "An opportunity (name or id).") var opportunity: String?
    @Option(help: "A quote (name or id).") var quote: String?
    @Option(help: "An activity (subject or id).") var activity: String?

    /// The options, for messages.
    static let choices = "--account, --opportunity, --quote, --activity"

    /// How many of the options are given.
    var count: Int { [account, opportunity, quote, activity].compactMap { $0 }.count }

    /// The kind and record the one given option names, or `nil` when none is given.
    /// - Throws: `.notFound` or `.invalid` (ambiguous) when the record is not in this replica.
    func attachment(_ directory: Directory) throws -> (kind: DocumentAttachmentKind, record: LocalRecord)? {
        let given: (DocumentAttachmentKind, ReplicatedKind, String)? =
            if let account { (.account, .account, account) }
            else if let opportunity { (.opportunity, .opportunity, opportunity) }
            else if let quote { (.quote, .quote, quote) }
            else if let activity { (.activity, .activity, activity) }
            else { nil }
        guard let (kind, recordKind, text) = given else { return nil }
        return (kind, try directory.find(text, kind: recordKind))
    }
}
