import OutpostModel
import Testing

@Suite("Territory tree")
struct TerritoryTreeTests {
    @Test("Roots, children, subtrees and paths follow the hierarchy")
    func tree() {
        let world = Territory(name: "World")
        let emea = Territory(name: "EMEA", parentID: world.id)
        let dach = Territory(name: "DACH", parentID: emea.id)
        let bavaria = Territory(name: "Bavaria", parentID: dach.id)
        let americas = Territory(name: "Americas", parentID: world.id)
        let tree = TerritoryTree([bavaria, americas, dach, world, emea])
        #expect(tree.roots.map(\.name) == ["World"])
        #expect(tree.children(of: world.id).map(\.name) == ["Americas", "EMEA"])
        #expect(tree.subtree(of: [emea.id]) == [emea.id, dach.id, bavaria.id])
        #expect(tree.path(of: bavaria.id) == ["World", "EMEA", "DACH", "Bavaria"])
        #expect(tree.territory(named: "DACH")?.id == dach.id)
    }
}
