public import OutpostModel

/// What the sync service needs to answer content requests: the content folder and
/// which chunks a scope may have. Absent when the backend keeps no documents.
public struct DocumentService: Sendable {
    /// Where the chunks are.
    public let folder: ContentFolder
    /// The chunks among those asked that a live document in the scope (global, or
    /// routed to one of the territories) names.
    public let chunksInScope: @Sendable (_ chunks: [[UInt8]], _ territories: Set<TerritoryID>) async throws -> Set<[UInt8]>

    /// A document service over `folder`, checking scope with `chunksInScope`.
    public init(folder: ContentFolder,
                chunksInScope: @escaping @Sendable (_ chunks: [[UInt8]], _ territories: Set<TerritoryID>) async throws -> Set<[UInt8]>) {
        self.folder = folder
        self.chunksInScope = chunksInScope
    }
}
