import ByteCoding
import MergeEngine
import OutpostModel
import SodiumKit

// Field ids are stable wire identifiers: never renumber or reuse them (see FieldSpec).

extension Document: ReplicatedRecord {
    /// Routed as the record it is attached to; global on the catalog or a product.
    public static let schema = RecordSchema<Document>(
        kind: .document,
        fields: [
            .required(1, "title", \.title, .string),
            .required(2, "file_name", \.fileName, .string),
            .required(3, "media_type", \.mediaType, .string),
            .required(4, "attached_kind", \.attachedKind, .enumeration()),
            .optional(5, "attached_id", \.attachedID, .reference()),
            .optional(6, "tags", \.tags, .string),
            .required(7, "size", \.size, .int),
            .required(8, "content", \.content, .bytes(.contentList)),
            .required(9, "pinned_everywhere", \.pinnedEverywhere, .bool),
        ],
        route: { $0.attachmentRoute },
        blank: {
            Document(id: $0, title: "", fileName: "", mediaType: "", attachedKind: .catalog, attachedID: nil,
                     content: DocumentContentList(contentID: [], chunks: []))
        })

    /// Global on the catalog or a product; otherwise routed as the attached record.
    private var attachmentRoute: RecordRoute {
        guard let attached = attachedID else { return .global }
        let id = RecordID(attached)
        switch attachedKind {
        case .catalog, .product: return .global
        case .account: return .account(AccountID(id))
        case .opportunity: return .opportunity(OpportunityID(id))
        case .quote: return .quote(EntityID<Quote>(id))
        case .activity: return .activity(ActivityID(id))
        }
    }
}

extension DocumentAttachmentKind {
    /// The kind of record a document attached this way names; `nil` for the catalog.
    public var recordKind: ReplicatedKind? {
        switch self {
        case .catalog: nil
        case .product: .product
        case .account: .account
        case .opportunity: .opportunity
        case .quote: .quote
        case .activity: .activity
        }
    }
}

extension ByteLayout where Value == DocumentContentList {
    /// The 32-byte content id, `count`, then per chunk its 32-byte id and length (varint).
    static var contentList: ByteLayout {
        ByteLayout(text: .contentList, write: { content, writer in
            writer.raw(content.contentID)
            writer.list(content.chunks) { chunk, writer in
                writer.raw(chunk.id)
                writer.varint(chunk.length)
            }
        }, read: { reader, _ throws(FieldProblem) in
            let contentID = try reader.raw(32)
            let chunks = try reader.list(of: "a chunk count") { reader throws(FieldProblem) in
                let id = try reader.raw(32)
                guard let length = Int(exactly: try reader.varint()), length > 0 else { throw .invalid("has a chunk of no bytes") }
                return DocumentContentList.Chunk(id: id, length: length)
            }
            return DocumentContentList(contentID: contentID, chunks: chunks)
        })
    }
}

extension TextForm where Value == DocumentContentList {
    /// `content-hex:chunk-hex/length;chunk-hex/length;…`.
    static var contentList: TextForm {
        TextForm(hint: "content-hex:chunk-hex/length;…", format: { content in
            GenericHash.hex(content.contentID) + ":"
                + content.chunks.map { "\(GenericHash.hex($0.id))/\($0.length)" }.joined(separator: ";")
        }, parse: { text, context throws(FieldProblem) in
            let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw .invalid("must be content-hex:chunk-hex/length;… (got \"\(text)\")") }
            let contentID = try TextForm<[UInt8]>.hex.parse(String(parts[0]), context)
            var chunks: [DocumentContentList.Chunk] = []
            for item in parts[1].split(separator: ";") {
                let pair = item.split(separator: "/")
                guard pair.count == 2, let length = Int(pair[1]) else { throw .invalid("has \"\(item)\" where chunk-hex/length belongs") }
                chunks.append(DocumentContentList.Chunk(id: try TextForm<[UInt8]>.hex.parse(String(pair[0]), context), length: length))
            }
            return DocumentContentList(contentID: contentID, chunks: chunks)
        })
    }
}
