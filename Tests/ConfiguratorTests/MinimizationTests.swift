@testable import Configurator
import Testing

@Suite("QuickXPlain, minimal subsets and hitting sets")
struct MinimizationTests {
    @Test("QuickXPlain keeps a minimal inconsistent subset, preferring earlier candidates")
    func quickXPlain() {
        var checks = 0
        let sum = QuickXPlain.minimalConflict(among: [1, 9, 4, 6]) { subset in
            checks += 1
            return subset.reduce(0, +) >= 10
        }
        #expect(sum == [1, 9])
        #expect(checks <= 8)
        #expect(QuickXPlain.minimalConflict(among: [5]) { _ in true } == [5])
        // Only 7 and 3 together clash, among many.
        let pair = QuickXPlain.minimalConflict(among: Array(1...20)) { $0.contains(7) && $0.contains(3) }
        #expect(pair == [3, 7])
    }

    @Test("A minimal unsatisfiable subset keeps what the hard clauses need, and only that")
    func minimalSubset() {
        #expect(MinimalSubset(hard: [[-3]], optional: [[1], [-1, 3], [3], [2]]).extract() == [2])
        #expect(MinimalSubset(hard: [[-3]], optional: [[1], [-1, 3], [2]]).extract() == [0, 1])
        // A chain a → b → c → d with ¬d: all four links are needed.
        let chain: [[Int32]] = [[1], [-1, 2], [-2, 3], [-3, 4], [5, 6]]
        #expect(MinimalSubset(hard: [[-4]], optional: chain).extract() == [0, 1, 2, 3])
        // The hard clauses alone clash: nothing optional is needed.
        #expect(MinimalSubset(hard: [[1], [-1]], optional: [[2], [3]]).extract() == [])
    }

    @Test("Minimum hitting sets take the fewest elements, earlier ones first")
    func hittingSets() {
        #expect(HittingSet.minimum(of: [[1, 2], [2, 3], [4]], elements: [1, 2, 3, 4]) == [2, 4])
        #expect(HittingSet.minimum(of: [[1, 2], [1, 2]], elements: [1, 2]) == [1])
        #expect(HittingSet.minimum(of: [[3], [1, 2]], elements: [1, 2, 3]) == [1, 3])
        #expect(HittingSet.minimum(of: [], elements: [1, 2]) == [])
    }
}
