extension Territory {
    /// Orders territories depth first: parents before children, siblings by name then
    /// id; territories whose parent is not in the list count as roots. The order every
    /// store lists territories in.
    public static func depthFirst(_ territories: [Territory]) -> [Territory] {
        let known = Set(territories.map(\.id))
        var children: [TerritoryID?: [Territory]] = [:]
        for territory in territories {
            let parent = territory.parentID.flatMap { known.contains($0) ? $0 : nil }
            children[parent, default: []].append(territory)
        }
        for key in children.keys {
            children[key]!.sort { ($0.name, $0.id) < ($1.name, $1.id) }
        }
        var result: [Territory] = []
        result.reserveCapacity(territories.count)
        var stack = (children[nil] ?? []).reversed() as [Territory]
        while let next = stack.popLast() {
            result.append(next)
            stack.append(contentsOf: (children[next.id] ?? []).reversed())
        }
        return result
    }
}
