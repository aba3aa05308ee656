public import OutpostModel

/// A document as both command lines list it with `--json` (`outpost-server docs list`,
/// `outpost docs list`): the record's fields under their wire names. The device adds
/// its own fields (pinned, on the device) beside these by encoding this first.
public struct DocumentListing: Encodable, Sendable {
    public let id: String
    public let title: String
    public let fileName: String
    public let mediaType: String
    public let attachedKind: String
    public let attachedID: String?
    public let tags: [String]
    public let size: Int
    public let chunks: Int
    public let pinnedEverywhere: Bool

    /// The listing of `document`.
    public init(_ document: Document) {
        id = document.id.description
        title = document.title
        fileName = document.fileName
        mediaType = document.mediaType
        attachedKind = document.attachedKind.rawValue
        attachedID = document.attachedID?.description
        tags = document.tagList
        size = document.size
        chunks = document.content.chunks.count
        pinnedEverywhere = document.pinnedEverywhere
    }

    enum CodingKeys: String, CodingKey {
        case id, title, tags, size, chunks
        case fileName = "file_name", mediaType = "media_type", attachedKind = "attached_kind", attachedID = "attached_id"
        case pinnedEverywhere = "pinned_everywhere"
    }
}
