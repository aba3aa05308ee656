/// The territory hierarchy as a tree, for scopes (a manager sees a whole subtree),
/// roll-ups, and readable paths such as `World › EMEA › DACH`.
public struct TerritoryTree: Sendable {
    /// Every territory by id.
    public let byID: [TerritoryID: Territory]
    private let children: [TerritoryID: [TerritoryID]]

    /// Builds the tree; territories whose parent is missing are treated as roots.
    public init(_ territories: [Territory]) {
        var byID: [TerritoryID: Territory] = [:]
        for territory in territories { byID[territory.id] = territory }
        var children: [TerritoryID: [TerritoryID]] = [:]
        for territory in territories {
            if let parent = territory.parentID, byID[parent] != nil {
                children[parent, default: []].append(territory.id)
            }
        }
        for key in children.keys { children[key]!.sort { byID[$0]!.name < byID[$1]!.name } }
        self.byID = byID
        self.children = children
    }

    /// The territories without a parent, by name.
    public var roots: [Territory] {
        byID.values.filter { $0.parentID.map { byID[$0] == nil } ?? true }.sorted { $0.name < $1.name }
    }

    /// The direct children of a territory, by name.
    public func children(of id: TerritoryID) -> [Territory] {
        (children[id] ?? []).compactMap { byID[$0] }
    }

    /// The ids of `roots` and every territory below them.
    public func subtree(of roots: some Sequence<TerritoryID>) -> Set<TerritoryID> {
        var result: Set<TerritoryID> = []
        var stack = Array(roots)
        while let next = stack.popLast() {
            guard byID[next] != nil, result.insert(next).inserted else { continue }
            stack.append(contentsOf: children[next] ?? [])
        }
        return result
    }

    /// The names from the root down to the territory, e.g. `["World", "EMEA", "DACH"]`.
    public func path(of id: TerritoryID) -> [String] {
        var names: [String] = []
        var current = byID[id]
        var seen: Set<TerritoryID> = []
        while let territory = current, seen.insert(territory.id).inserted {
            names.append(territory.name)
            current = territory.parentID.flatMap { byID[$0] }
        }
        return names.reversed()
    }

    /// The territory with this exact name, if exactly one has it (the store keeps names unique).
    public func territory(named name: String) -> Territory? {
        let matches = byID.values.filter { $0.name == name }
        return matches.count == 1 ? matches[0] : nil
    }
}
