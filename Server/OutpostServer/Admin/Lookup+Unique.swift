import OutpostModel
import OutpostStore

extension Lookup {
    /// The one item of `items` whose id is `typed`, starts with it, or ends with it (its
    /// short id, or any 4+ hex digits: ``IDFragment``), any case, as ids are accepted
    /// everywhere people type them.
    /// - Throws: a ``CommandError`` naming `listCommand` when none matches, or the
    ///   matching ids when `typed` is ambiguous.
    static func unique<Item>(_ typed: String, among items: [Item], id: (Item) -> String, kind: String,
                             listCommand: String) throws -> Item {
        let prefix = typed.lowercased()
        if let exact = items.first(where: { id($0).lowercased() == prefix }) { return exact }
        let fragment = IDFragment(typed)
        let matches = prefix.isEmpty ? [] : items.filter {
            let text = id($0).lowercased()
            return text.hasPrefix(prefix) || (fragment?.names(text) ?? false)
        }
        guard let first = matches.first else {
            throw CommandError("no \(kind) has an id starting or ending with \"\(typed)\"; see: \(listCommand)")
        }
        guard matches.count == 1 else {
            throw CommandError("\"\(typed)\" names \(matches.count) \(kind)s (\(matches.prefix(3).map(id).joined(separator: ", "))…); type more of the id")
        }
        return first
    }
}

extension Lookup {
    /// The device whose id is `typed` or starts with it.
    static func device(_ typed: String, in store: any DirectoryStore) async throws -> Device {
        try unique(typed, among: try await store.devices(), id: \.id.description, kind: "device",
                   listCommand: "outpost-server device list")
    }
}
