public import Foundation
public import OutpostModel

/// What documents need of the server's database; both backends implement it. The
/// content itself is kept apart (a folder beside SQLite, a table of PostgreSQL), always
/// stored before the record naming it is written.
///
/// The database keeps which chunks each live document names, so a content request is
/// answered only with chunks of documents in the device's scope; which chunks a
/// removed or replaced document named (orphan candidates), so content no live document
/// names can be deleted; and which chunks devices uploaded for records not yet arrived
/// (upload holds), so that content is not deleted before its record names it.
public protocol DocumentStore: Sendable {
    /// Writes a document's record as the hub's own write, with the chunks it names, in
    /// one transaction. The caller stores the content first.
    /// - Throws: `.invalid` for a record that fails validation, `.missingReference` when
    ///   the record it is attached to is unknown or of another kind.
    func saveDocument(_ document: Document, now: Date) async throws(StoreError)

    /// Removes a document: a hub delete that devices apply (evicting its content); its
    /// chunks become orphan candidates.
    /// - Returns: whether a live document was removed.
    func removeDocument(_ id: DocumentID, now: Date) async throws(StoreError) -> Bool

    /// Every live document, by title.
    func documents() async throws(StoreError) -> [Document]

    /// Whether a live record `id` of `kind` is there to attach a document to (never for the catalog).
    func holdsAttachment(_ kind: DocumentAttachmentKind, _ id: EntityID<AttachedRecord>) async throws(StoreError) -> Bool

    /// Sets the bytes of document content device `id` fetches per sync by default (`nil`:
    /// no limit), as a hub write of its `device` record, which every replica has.
    /// - Throws: `.notFound` when the device has no `device` record (it never enrolled).
    func setDocumentBudget(_ bytes: Int?, device id: DeviceID, now: Date) async throws(StoreError)

    /// The chunks among `chunks` that a live document global or routed to one of
    /// `territories` names: what a device with that scope may fetch.
    func chunks(_ chunks: [[UInt8]], inScope territories: Set<TerritoryID>) async throws(StoreError) -> Set<[UInt8]>

    /// The bytes of content device `number` has uploaded.
    func uploadedDocumentBytes(device number: UInt32) async throws(StoreError) -> Int

    /// Adds `bytes` to what device `number` has uploaded.
    func addUploadedDocumentBytes(_ bytes: Int, device number: UInt32) async throws(StoreError)

    /// Holds `chunks` for device `number`'s upload, from `now`, and makes them orphan
    /// candidates (so an upload whose record never comes is deleted once its hold ends).
    /// It waits for a ``collectOrphanChunks(heldSince:deletingContent:)`` in progress and
    /// is committed when it returns: content looked for after it is not deleted by a
    /// collection while the hold lasts. The caller stores the content after it.
    func holdUploadedChunks(_ chunks: Set<[UInt8]>, device number: UInt32, now: Date) async throws(StoreError)

    /// Releases one of device `number`'s upload holds on each chunk that `documents`, just
    /// created by that device, name: their records have arrived, so those chunks stay
    /// while a document names them. A chunk several of its uploads hold stays held until
    /// each one's record has arrived (or the holds end with time).
    func releaseUploadHolds(device number: UInt32, createdDocuments documents: [DocumentID]) async throws(StoreError)

    /// Deletes the content no live document names and no upload holds, in one step that
    /// ``holdUploadedChunks(_:device:now:)`` cannot interleave with: finds the orphan
    /// candidates that no live document names and no device has held since `heldSince`,
    /// deletes their content (content kept in the database itself in the step's own
    /// transaction, content kept beside it by `deleteContent`), forgets them and the
    /// candidates a live document names again, and forgets the holds older than `heldSince`.
    /// - Returns: how many chunks were deleted.
    func collectOrphanChunks(heldSince: Date, deletingContent deleteContent: @Sendable (Set<[UInt8]>) throws -> Void)
        async throws(StoreError) -> Int
}
