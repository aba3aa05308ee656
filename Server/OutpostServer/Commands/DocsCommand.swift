import ArgumentParser
import DocumentContent
import Foundation
import OutpostModel
import OutpostSQLite
import OutpostStore
import TerminalOutput

/// `outpost-server docs add|list|remove`: documents attached to products, the catalog
/// and accounts, whose content devices fetch within their sync budget.
struct DocsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Attach documents to products, the catalog or accounts; list and remove them.",
        discussion: """
            The content is stored in a folder beside the database (hq.sqlite.content), chunk by chunk,
            before the document's record is written. Example:
              outpost-server docs add --db hq.sqlite --product PC-100 prices-2026.pdf \\
                --title "Price list 2026" --tags prices,2026 --pin-everywhere
            """,
        subcommands: [Add.self, List.self, Remove.self, Budget.self]
    )

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Attach a file to a product, the catalog or an account (or replace a document's content).",
            discussion: """
                Examples:
                  outpost-server docs add --db hq.sqlite --product PC-100 prices.pdf \\
                    --title "Price list"
                  outpost-server docs add --db hq.sqlite site.jpg \\
                    --account 3f2b8c4e-1d2a-4b6f-9e1a-0c5d7e9f1a2b
                  outpost-server docs add --db hq.sqlite --replace 9a1c… prices-v2.pdf --json
                """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Option(help: "The product (SKU or id) the document belongs to; every device may have it.") var product: String?
        @Option(help: "The account (id) the document belongs to; devices whose scope holds it get it.") var account: String?
        @Flag(help: "Attach the document to the catalog as a whole.") var catalog = false
        @Option(help: "The id of a document whose content (and, if given, title and tags) this file replaces.") var replace: String?
        @Option(help: "The title people see (default: the file's name).") var title: String?
        @Option(help: "Words to find it by, comma-separated, e.g. prices,2026.") var tags: String?
        @Option(name: .customLong("media-type"), help: "The media type (default: from the file's extension).") var mediaType: String?
        @Flag(name: .customLong("pin-everywhere"), help: "Every device fetches and keeps it, e.g. the current price list.")
        var pinEverywhere = false
        @Argument(help: "The file to attach.") var file: String

        func validate() throws {
            let targets = [product != nil, account != nil, catalog, replace != nil].filter { $0 }.count
            guard targets == 1 else {
                throw ValidationError("give exactly one of --product SKU, --account ID, --catalog or --replace DOCUMENT-ID")
            }
        }

        func run() async throws {
            let database = try store.open()
            let path: String
            switch try store.location() {
            case .sqlite(let file): path = file
            case .postgres: throw CommandError("documents need the SQLite backend for now; give --db a SQLite file")
            }
            guard let data = FileManager.default.contents(atPath: file) else {
                throw CommandError("cannot read \(file); check the path and its permissions")
            }
            var existing: Document?
            if let replace { existing = try await DocumentLookup.document(replace, in: database) }
            let (kind, attached) = try await attachment(existing, database)
            let manifest = try ContentFolder(besideDatabase: path).store([UInt8](data))
            let name = URL(fileURLWithPath: file).lastPathComponent
            let document = Document(
                id: existing?.id ?? DocumentID(), title: title ?? existing?.title ?? name, fileName: name,
                mediaType: mediaType ?? MediaType.guess(fileName: name), attachedKind: kind, attachedID: attached,
                tags: tags ?? existing?.tags, content: DocumentContentList(manifest),
                pinnedEverywhere: pinEverywhere || (existing?.pinnedEverywhere ?? false))
            try await database.saveDocument(document)
            if output.json {
                try Output.json(DocumentRow(document))
            } else {
                print("document \(document.id) \"\(document.title)\" (\(ByteCount.text(document.size)), \(document.content.chunks.count) chunks) "
                      + "\(existing == nil ? "attached to" : "replaced on") \(kind.rawValue)\(attached.map { " \($0)" } ?? "")")
            }
        }

        private func attachment(_ existing: Document?, _ database: SQLiteStore) async throws -> (DocumentAttachmentKind, EntityID<AttachedRecord>?) {
            if let existing { return (existing.attachedKind, existing.attachedID) }
            if catalog { return (.catalog, nil) }
            if let product {
                return (.product, EntityID(try await CatalogLookup.product(product, in: database).id.uuid))
            }
            let id = try AccountID(parsing: account ?? "", field: "--account")
            guard try await database.accounts(in: nil).contains(where: { $0.id == id }) else {
                throw CommandError("no account \(id); list accounts with: outpost-server export accounts --db hq.sqlite")
            }
            return (.account, EntityID(id.uuid))
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the documents.",
            discussion: """
                Example:
                  outpost-server docs list --db hq.sqlite --json
                """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions

        func run() async throws {
            let documents = try await store.open().documents()
            if output.json {
                try Output.json(documents.map(DocumentRow.init))
                return
            }
            guard !documents.isEmpty else {
                print("no documents; attach one with: outpost-server docs add --product SKU FILE")
                return
            }
            Output.table(["id", "title", "on", "size", "tags", "pinned everywhere"], documents.map { document in
                [document.id.description, document.title, document.attachedKind.rawValue, ByteCount.text(document.size),
                 document.tagList.joined(separator: ", "), document.pinnedEverywhere ? "yes" : "no"]
            })
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Remove a document; devices evict its content at their next sync.",
            discussion: """
                Example:
                  outpost-server docs remove --db hq.sqlite 9a1c2b3d
                """
        )
        @OptionGroup var store: StoreOptions
        @OptionGroup var output: OutputOptions
        @Argument(help: "The document's id (or a unique prefix).") var id: String

        func run() async throws {
            let database = try store.open()
            let document = try await DocumentLookup.document(id, in: database)
            _ = try await database.removeDocument(document.id)
            if output.json {
                try Output.json(DocumentRow(document))
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
        @Argument(help: "The device id or a unique prefix of it (see device list).") var device: String
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
            let database = try store.open()
            let found = try await Lookup.device(device, in: database)
            try await database.setDocumentBudget(budget, device: found.id)
            print("device \(found.id) fetches " + (budget.map { "at most \(ByteCount.text($0)) of documents" } ?? "documents without a limit")
                + " per sync from its next sync on")
        }
    }
}

/// A document as `docs list --json` prints it.
struct DocumentRow: Encodable {
    let id: String
    let title: String
    let file_name: String
    let media_type: String
    let attached_kind: String
    let attached_id: String?
    let tags: [String]
    let size: Int
    let chunks: Int
    let pinned_everywhere: Bool

    init(_ document: Document) {
        id = document.id.description
        title = document.title
        file_name = document.fileName
        media_type = document.mediaType
        attached_kind = document.attachedKind.rawValue
        attached_id = document.attachedID?.description
        tags = document.tagList
        size = document.size
        chunks = document.content.chunks.count
        pinned_everywhere = document.pinnedEverywhere
    }
}

/// Finds a document by id or unique id prefix.
enum DocumentLookup {
    static func document(_ idOrPrefix: String, in store: SQLiteStore) async throws -> Document {
        let wanted = idOrPrefix.lowercased()
        let matches = try await store.documents().filter { $0.id.description.hasPrefix(wanted) }
        guard matches.count == 1, let document = matches.first else {
            throw CommandError(matches.isEmpty ? "no document \"\(idOrPrefix)\"; list them with: outpost-server docs list"
                                               : "\"\(idOrPrefix)\" matches \(matches.count) documents; give more of the id")
        }
        return document
    }
}
