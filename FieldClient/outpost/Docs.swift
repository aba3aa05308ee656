import ArgumentParser
import FieldClient
import Foundation
import OutpostModel
import OutpostReplication
import TerminalOutput

/// `outpost docs list|add|open|pin|unpin|status`: the documents of this device's scope
/// and the catalog, their content fetched at sync time for those kept here.
struct Docs: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docs",
        abstract: "Documents: list, add, open, pin or unpin them, and see what is fetched.",
        discussion: """
            Pinned documents (and those the admin pins everywhere) are fetched at each sync, after the records,
            within the sync's byte budget (outpost sync --max-bytes 2MB). Example:
              outpost docs list --product PC-100
            """,
        subcommands: [List.self, Add.self, Open.self, Pin.self, Unpin.self, DocsStatus.self]
    )

    /// One document as `--json` prints it: the shared listing and what this device holds.
    struct Row: Encodable {
        let listing: DocumentListing
        let local: LocalDocument

        init(_ local: LocalDocument) {
            listing = DocumentListing(local.document)
            self.local = local
        }

        enum CodingKeys: String, CodingKey {
            case pinned, on_device, missing_bytes, to_upload, upload_refused
        }

        func encode(to encoder: any Encoder) throws {
            try listing.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(local.pinned, forKey: .pinned)
            try container.encode(local.isFetched, forKey: .on_device)
            try container.encode(local.missingBytes, forKey: .missing_bytes)
            try container.encode(local.isStaged, forKey: .to_upload)
            try container.encodeIfPresent(local.uploadRefusal, forKey: .upload_refused)
        }
    }

    /// Where a document's content is, as the table says it.
    static func availability(_ local: LocalDocument) -> String {
        if let refusal = local.uploadRefusal { return "upload refused: \(refusal)" }
        if local.isStaged { return "on this device, uploads at the next sync" }
        if local.isFetched { return "on this device" }
        return "not on this device, \(ByteCount.text(local.missingBytes))" + (local.isKept ? " to fetch" : "")
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the documents of this device's records and the catalog.",
            discussion: """
                Examples:
                  outpost docs list
                  outpost docs list --account "Acme GmbH" --json
                  outpost docs list --opportunity "Acme fleet renewal"
                  outpost docs list --product PC-100
                  outpost docs list --search prices
                """
        )
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption
        @OptionGroup var record: DocumentRecordOptions
        @Option(help: "Only documents attached to this product (SKU, name or id).") var product: String?
        @Option(help: "Only documents whose title, file name or tags contain this text (any case).") var search: String?

        func validate() throws {
            guard record.count + (product == nil ? 0 : 1) <= 1 else {
                throw ValidationError("give at most one of --product, \(DocumentRecordOptions.choices)")
            }
        }

        func run() throws {
            let replica = try options.open()
            var documents = try replica.documents()
            if let (kind, attached) = try record.attachment(Directory(replica: replica)) {
                documents = documents.filter { $0.document.attachedKind == kind && $0.document.attachedID == EntityID(attached.id) }
            }
            if let product {
                let id = try replica.catalog().product(product).id
                documents = documents.filter { $0.document.attachedKind == .product && $0.document.attachedID?.uuid == id.uuid }
            }
            if let search {
                let wanted = search.lowercased()
                documents = documents.filter { local in
                    ([local.document.title, local.document.fileName] + local.document.tagList).contains { $0.lowercased().contains(wanted) }
                }
            }
            try Output.list(documents.map(Row.init), json: output.json, headers: ["id", "title", "on", "size", "pinned", "content"],
                            empty: "no documents match; sync to receive new ones, or see all with: outpost docs list") { row in
                let local = row.local
                return [ShortID.of(local.document.id.description), local.document.title, local.document.attachedKind.rawValue,
                        ByteCount.text(local.document.size), local.document.pinnedEverywhere ? "everywhere" : local.pinned ? "yes" : "no",
                        Docs.availability(local)]
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Attach a file to an account, opportunity, quote or activity, offline; it uploads at the next sync.",
            discussion: """
                The server checks the record like any write (it must be in this
                device's scope) and the upload against its size limit and this
                device's quota; devices whose scope holds the record get it. Examples:
                  outpost docs add --account "Acme GmbH" site-photo.jpg \\
                    --title "Site, north gate" --tags visit
                  outpost docs add --quote 7c1d2e3f signed-quote.pdf
                """
        )
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption
        @OptionGroup var record: DocumentRecordOptions
        @Option(help: "The title people see (default: the file's name).") var title: String?
        @Option(help: "Words to find it by, comma-separated.") var tags: String?
        @Argument(help: "The file to attach.") var file: String

        func validate() throws {
            guard record.count == 1 else { throw ValidationError("give exactly one of \(DocumentRecordOptions.choices)") }
        }

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read \(file); check the path and its permissions")
            }
            let replica = try options.open()
            let directory = Directory(replica: replica)
            guard let (kind, attached) = try record.attachment(directory) else {
                throw ValidationError("give exactly one of \(DocumentRecordOptions.choices)")
            }
            let name = URL(fileURLWithPath: file).lastPathComponent
            let draft = Document(title: title ?? name, fileName: name, mediaType: MediaType.guess(fileName: name), attachedKind: kind,
                                 attachedID: EntityID(attached.id), tags: tags, content: DocumentContentList(contentID: [], chunks: []))
            let document = try replica.stage(draft, content: [UInt8](data))
            if output.json { return try Output.json(Row(LocalDocument(document: document, pinned: true, missingBytes: 0, isStaged: true))) }
            print("Added \"\(document.title)\" (\(ByteCount.text(document.size))) to \(kind.rawValue) \(Directory.label(attached)) "
                + "(\(ShortID.of(document.id.description))); it uploads at the next sync.")
        }
    }

    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a decrypted copy of a document to a private temporary file and print its path.",
            discussion: """
                A document not on this device is fetched first (the device must be online). Examples:
                  outpost docs open 4bd66aa9
                  outpost docs open 4bd66aa9 --xdg-open
                """
        )
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption
        @Argument(help: "The document's id or short id.") var id: String
        @Flag(name: .customLong("xdg-open"), help: "Open the copy with xdg-open as well.") var xdgOpen = false
        @Option(help: "Fetch through this endpoint instead of the one learnt at enrolment.") var endpoint: String?

        struct Opened: Encodable {
            let id: String
            let path: String
            let fetched_bytes: Int
        }

        func run() throws {
            let replica = try options.open()
            let local = try replica.document(id)
            var fetched = 0
            if !local.isFetched {
                fetched = try SyncClient(replica: replica).fetch(local.document, endpoint: endpoint).documentBytes
            }
            let file = try replica.openCopy(of: local.document)
            if xdgOpen {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["xdg-open", file.path]
                do { try process.run() } catch {
                    throw ValidationError("the copy is at \(file.path), but xdg-open could not start: \(error.localizedDescription)")
                }
            }
            if output.json { return try Output.json(Opened(id: local.document.id.description, path: file.path, fetched_bytes: fetched)) }
            print(file.path)
        }
    }

    struct Pin: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Keep a document on this device: its content is fetched at the next syncs.",
            discussion: "Example:\n  outpost docs pin 4bd66aa9"
        )
        @OptionGroup var target: PinTarget

        func run() throws {
            guard let now = try target.setPinned(true) else { return }
            print("pinned \"\(now.document.title)\": " + (now.isFetched ? "on this device" : "\(ByteCount.text(now.missingBytes)) to fetch at the next sync"))
        }
    }

    struct Unpin: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Stop keeping a document on this device; its content is dropped (unless pinned everywhere).",
            discussion: "Example:\n  outpost docs unpin 4bd66aa9"
        )
        @OptionGroup var target: PinTarget

        func run() throws {
            guard let now = try target.setPinned(false) else { return }
            print("unpinned \"\(now.document.title)\"" + (now.document.pinnedEverywhere ? "; the admin keeps it on every device" : ""))
        }
    }

    /// What pin and unpin share: the replica and the document named.
    struct PinTarget: ParsableArguments {
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption
        @Argument(help: "The document's id or short id.") var id: String

        /// Keeps the document on this device or stops keeping it; with `--json` prints the
        /// document and returns nil, else returns it for the command's sentence.
        func setPinned(_ pinned: Bool) throws -> LocalDocument? {
            let replica = try options.open()
            let local = try replica.document(id)
            try replica.setPinned(local.document.id, pinned)
            let now = try replica.document(local.document.id.description)
            if output.json {
                try Output.json(Row(now))
                return nil
            }
            return now
        }
    }

    struct DocsStatus: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "What this device keeps: documents pinned, fetched, and the bytes still to fetch.",
            discussion: "Example:\n  outpost docs status --json"
        )
        @OptionGroup var options: ReplicaOptions
        @OptionGroup var output: JSONOption

        struct Summary: Encodable {
            let documents: Int
            let kept: Int
            let fetched: Int
            let pending: Int
            let to_upload: Int
            let bytes_to_fetch: Int
            let kept_documents: [Row]
        }

        func run() throws {
            let documents = try options.open().documents()
            let kept = documents.filter(\.isKept)
            let summary = Summary(documents: documents.count, kept: kept.count, fetched: kept.filter(\.isFetched).count,
                                  pending: kept.filter { !$0.isFetched }.count, to_upload: documents.filter(\.isStaged).count,
                                  bytes_to_fetch: kept.reduce(0) { $0 + $1.missingBytes }, kept_documents: kept.map(Row.init))
            if output.json { return try Output.json(summary) }
            print("\(summary.documents) documents; \(summary.kept) kept on this device: \(summary.fetched) fetched, \(summary.pending) pending, "
                + "\(ByteCount.text(summary.bytes_to_fetch)) still to fetch, \(summary.to_upload) to upload.")
            if !kept.isEmpty {
                Output.table(["id", "title", "size", "content"], kept.map { local in
                    [ShortID.of(local.document.id.description), local.document.title, ByteCount.text(local.document.size),
                     Docs.availability(local)]
                })
            }
        }
    }
}
