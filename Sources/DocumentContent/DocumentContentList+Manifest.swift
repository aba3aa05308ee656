public import OutpostModel

extension DocumentContentList {
    /// The chunk list a document record carries for `manifest`.
    public init(_ manifest: DocumentManifest) {
        self.init(contentID: manifest.contentID.bytes,
                  chunks: manifest.chunks.map { Chunk(id: $0.id.bytes, length: $0.length) })
    }

    /// The manifest the record names, or `nil` if an id is not 32 bytes.
    public var manifest: DocumentManifest? {
        guard let whole = ContentID(bytes: contentID) else { return nil }
        var references: [ChunkReference] = []
        for chunk in chunks {
            guard let id = ContentID(bytes: chunk.id) else { return nil }
            references.append(ChunkReference(id: id, length: chunk.length))
        }
        return DocumentManifest(chunks: references, contentID: whole)
    }
}
