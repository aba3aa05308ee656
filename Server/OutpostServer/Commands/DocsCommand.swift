import ArgumentParser
import DocumentContent
import Foundation
import MergeEngine
import OutpostModel
import OutpostPostgres
import OutpostReplication
import OutpostStore
import TerminalOutput

/// `outpost-server docs add|list|remove|budget`: documents attached to the catalog,
/// products, accounts, opportunities, quotes and activities, whose content devices
/// fetch within their sync budget.
struct DocsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Attach documents to the catalog, products, accounts, opportunities, quotes or activities; list and remove them.",
        discussion: """
            The content is stored chunk by chunk (in a folder beside a SQLite
            database, hq.sqlite.content, or in PostgreSQL's document_content table)
            before the document's record is written; content no document names any
            more is deleted. Example:
              outpost-server docs add --db hq.sqlite --product PC-100 prices-2026.pdf \\
                --title "Price list 2026" --tags prices,2026 --pin-everywhere
            """,
        subcommands: [Add.self, List.self, Remove.self, Budget.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Attach a file to a record or the catalog (or replace a document's content).",
            discussion: """
                Documents on the catalog and products reach every device; those on an
                account, opportunity, quote or activity only the devices whose scope
                holds that record. Examples:
                  outpost-server docs add --db hq.sqlite --product PC-100 prices.pdf \\
                    --title "Price list"
                  outpost-server docs add --db hq.sqlite site.jpg \\
                    --account 3f2b8c4e-1d2a-4b6f-9e1a-0c5d7e9f1a2b
                  outpost-server docs add --db hq.sqlite signed.pdf \\
                    --quote 7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f
                  outpost-server docs add --db hq.sqlite --replace 9a1c… prices-v2.pdf --json
                """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var target: AttachmentOptions
        @Option(help: "The id of a document whose content (and, if given, title and tags) this file replaces.") var replace: String?
        @Option(help: "The title people see (default: the file's name).") var title: String?
        @Option(help: "Words to find it by, comma-separated, e.g. prices,2026.") var tags: String?
        @Option(name: .customLong("media-type"), help: "The media type (default: from the file's extension).") var mediaType: String?
        @Flag(name: .customLong("pin-everywhere"), help: "Every device fetches and keeps it, e.g. the current price list.")
        var pinEverywhere = false
        @Argument(help: "The file to attach.") var file: String

        func validate() throws {
            guard target.count + (replace == nil ? 0 : 1) == 1 else {
                throw ValidationError("give exactly one of \(AttachmentOptions.choices) or --replace DOCUMENT-ID")
            }
        }

        func run() async throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandError("cannot read \(file); check the path and its permissions")
            }
            try await store.withDocuments { documents, records in
                var existing: Document?
                if let replace { existing = try await DocumentLookup.document(replace, in: documents.database) }
                let (kind, attached) = if let existing { (existing.attachedKind, existing.attachedID) } else {
                    try await target.attachment(documents.database, records)
                }
                let name = URL(fileURLWithPath: file).lastPathComponent
                let draft = Document(
                    id: existing?.id ?? DocumentID(), title: title ?? existing?.title ?? name, fileName: name,
                    mediaType: mediaType ?? MediaType.guess(fileName: name), attachedKind: kind, attachedID: attached,
                    tags: tags ?? existing?.tags, content: DocumentContentList(contentID: [], chunks: []),
                    pinnedEverywhere: pinEverywhere || (existing?.pinnedEverywhere ?? false))
                let document = try await documents.add(draft, content: [UInt8](data))
                if output.json {
                    try Output.json(DocumentListing(document))
                } else {
                    print("document \(document.id) \"\(document.title)\" (\(ByteCount.text(document.size)), \(document.content.chunks.count) chunks) "
                          + "\(existing == nil ? "attached to" : "replaced on") \(kind.rawValue)\(attached.map { " \($0)" } ?? "")")
                }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the documents, all or those of one record.",
            discussion: """
                Examples:
                  outpost-server docs list --db hq.sqlite --json
                  outpost-server docs list --db hq.sqlite --product PC-100
                  outpost-server docs list --db hq.sqlite \\
                    --opportunity 5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9
                """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @OptionGroup var target: AttachmentOptions

        func validate() throws {
            guard target.count <= 1 else { throw ValidationError("give at most one of \(AttachmentOptions.choices)") }
        }

        func run() async throws {
            let documents = try await store.withDocuments { documents, records in
                let all = try await documents.database.documents()
                guard target.count == 1 else { return all }
                let (kind, attached) = try await target.attachment(documents.database, records)
                return all.filter { $0.attachedKind == kind && $0.attachedID == attached }
            }
            let empty = target.count == 0 ? "no documents; attach one with: outpost-server docs add --product SKU FILE"
                : "no documents on that \(target.count == 1 ? "record" : "catalog"); list all with: outpost-server docs list"
            try Output.list(documents.map(DocumentListing.init), json: output.json,
                            headers: ["id", "title", "on", "size", "tags", "pinned everywhere"], empty: empty) { listing in
                [listing.id, listing.title, listing.attachedKind, ByteCount.text(listing.size),
                 listing.tags.joined(separator: ", "), listing.pinnedEverywhere ? "yes" : "no"]
            }
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a document; its content goes from the server now and from devices at their next sync.",
            discussion: """
                Example:
                  outpost-server docs remove --db hq.sqlite 9a1c2b3d
                """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The document's id or short id.") var id: String

        func run() async throws {
            let document = try await store.withDocuments { documents, _ in
                let document = try await DocumentLookup.document(id, in: documents.database)
                _ = try await documents.remove(document.id)
                return document
            }
            if output.json {
                try Output.json(DocumentListing(document))
            } else {
                print("removed document \(document.id) \"\(document.title)\"; devices evict it at their next sync")
            }
        }
    }

    struct Budget: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set how much document content a device fetches per sync by default (e.g. 2MB for a satellite link).",
            discussion: """
                The device takes every record at each sync, then at most this much content; `outpost sync --max-bytes`
                overrides it for one sync. `none` lifts the limit. Example:
                  outpost-server docs budget --db hq.sqlite 3f2b8c4e 2MB
                """
        )
        @OptionGroup var store: StoreOptions
        @Argument(help: "The device id, a unique prefix of it, or its last 8 hex digits (see device list).") var device: String
        @Argument(help: "A size such as 2MB or 200KB, or none.") var bytes: String

        func run() async throws {
            let budget: Int?
            if bytes.lowercased() == "none" {
                budget = nil
            } else {
                guard let parsed = ByteCount.parse(bytes) else {
                    throw ValidationError("the budget takes a size such as 2MB, 200KB or 1500, or none (got \"\(bytes)\")")
                }
                budget = parsed
            }
            let found = try await store.withDocuments { documents, records in
                let found = try await Lookup.device(device, in: records)
                try await documents.database.setDocumentBudget(budget, device: found.id, now: Date())
                return found
            }
            print("device \(found.id) fetches " + (budget.map { "at most \(ByteCount.text($0)) of documents" } ?? "documents without a limit")
                + " per sync from its next sync on")
        }
    }
}

/// Finds a document by its id, its short id, or other 4+ hex digits from the id's start or end.
enum DocumentLookup {
    static func document(_ idOrPrefix: String, in store: any DocumentStore) async throws -> Document {
        var matches: [Document] = []
        if let fragment = IDFragment(idOrPrefix) { matches = try await store.documents().filter { fragment.names($0.id.description) } }
        guard matches.count == 1, let document = matches.first else {
            throw CommandError(matches.isEmpty ? "no document \"\(idOrPrefix)\"; list them with: outpost-server docs list"
                                               : "\"\(idOrPrefix)\" matches \(matches.count) documents; give more of the id")
        }
        return document
    }
}

extension StoreOptions {
    /// Runs `body` with the documents and records of either backend: a SQLite database
    /// with its content folder, or a PostgreSQL database created with `init`.
    func withDocuments<T: Sendable>(_ body: (DocumentService, any RecordStore) async throws -> T) async throws -> T {
        switch try location() {
        case .sqlite(let path):
            let store = try open()
            return try await body(.sqlite(store, path: path), store)
        case .postgres(let location):
            return try await PostgresStore.withStore(at: location, mode: .existing) { store in try await body(.postgres(store), store) }
        }
    }
}
