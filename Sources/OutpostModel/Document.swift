/// A file kept with a record: a product's brochure, spec sheet or price list, the
/// catalog's, or a customer's own file on an account, opportunity, quote or activity
/// (a signed quote, a letter, a photo of the site).
///
/// The record holds what people search and what a device needs to fetch the content;
/// the content itself travels and is stored apart, as the chunks ``content`` names.
public struct Document: Hashable, Sendable, Identifiable, Validatable {
    public var id: DocumentID
    /// What people see in lists, e.g. "Price list 2026".
    public var title: String
    /// The file's name as it was added, e.g. `prices-2026.pdf`; `docs open` keeps its extension.
    public var fileName: String
    /// The media type, e.g. `application/pdf`.
    public var mediaType: String
    /// What kind of record the document is attached to.
    public var attachedKind: DocumentAttachmentKind
    /// The record it is attached to; `nil` for the catalog as a whole.
    public var attachedID: EntityID<AttachedRecord>?
    /// Words to find it by, comma-separated, e.g. `prices, 2026`.
    public var tags: String?
    /// The content's size in bytes.
    public var size: Int
    /// The content as chunk ids and lengths.
    public var content: DocumentContentList
    /// Whether every device fetches and keeps it, whatever it pins (the current price list).
    public var pinnedEverywhere: Bool

    public init(id: DocumentID = DocumentID(), title: String, fileName: String, mediaType: String,
                attachedKind: DocumentAttachmentKind, attachedID: EntityID<AttachedRecord>?, tags: String? = nil,
                content: DocumentContentList, pinnedEverywhere: Bool = false) {
        self.id = id
        self.title = title
        self.fileName = fileName
        self.mediaType = mediaType
        self.attachedKind = attachedKind
        self.attachedID = attachedID
        self.tags = tags
        self.size = content.size
        self.content = content
        self.pinnedEverywhere = pinnedEverywhere
    }

    /// The tags one by one, trimmed, without empty ones.
    public var tagList: [String] {
        guard let tags else { return [] }
        return tags.split(separator: ",").map { String(String($0).trimmingWhitespace) }.filter { !$0.isEmpty }
    }

    public func validate() throws(ValidationError) {
        guard !title.trimmingWhitespace.isEmpty else { throw ValidationError(.required, field: "title", "must not be empty; give the document a title") }
        guard (attachedKind == .catalog) == (attachedID == nil) else {
            throw ValidationError(.inconsistent, field: "attached_id",
                                  attachedKind == .catalog ? "must be empty for a catalog document" : "must name the \(attachedKind.rawValue) the document is attached to")
        }
        guard size == content.size else {
            throw ValidationError(.inconsistent, field: "size", "is \(size) but the chunks add up to \(content.size) bytes")
        }
        guard content.contentID.count == 32, content.chunks.allSatisfy({ $0.id.count == 32 && $0.length > 0 }) else {
            throw ValidationError(.badFormat, field: "content", "must name 32-byte chunk ids with positive lengths")
        }
    }
}

public typealias DocumentID = EntityID<Document>

/// The phantom entity of a document's attachment id, which names a product, account,
/// opportunity, quote or activity as ``Document/attachedKind`` says.
public enum AttachedRecord {}

/// The kinds of record a document is attached to.
public enum DocumentAttachmentKind: String, CaseIterable, Sendable, Codable {
    /// The catalog as a whole: every device may have it.
    case catalog
    /// A product: every device may have it.
    case product
    /// An account and the devices whose scope holds it.
    case account
    case opportunity
    case quote
    case activity

    /// Whether documents attached to this kind reach every device.
    public var isGlobal: Bool { self == .catalog || self == .product }
}

/// A document's content as the chunks it is cut into (content-defined, BLAKE2b-named):
/// what replicates with the record, while the chunks travel apart, each once.
public struct DocumentContentList: Hashable, Sendable {
    /// One chunk: its 32-byte id and length.
    public struct Chunk: Hashable, Sendable {
        public var id: [UInt8]
        public var length: Int
        public init(id: [UInt8], length: Int) {
            self.id = id
            self.length = length
        }
    }

    /// The 32-byte id of the whole content.
    public var contentID: [UInt8]
    /// The chunks in order.
    public var chunks: [Chunk]

    public init(contentID: [UInt8], chunks: [Chunk]) {
        self.contentID = contentID
        self.chunks = chunks
    }

    /// The content's size in bytes.
    public var size: Int { chunks.reduce(0) { $0 + $1.length } }
}
