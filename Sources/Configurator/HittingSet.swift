/// Minimum hitting sets: the fewest elements that meet every one of a family of sets.
enum HittingSet {
    /// A smallest subset of `elements` that shares an element with each of `sets`.
    ///
    /// Among the smallest, the first in lexicographic order of positions in `elements` is
    /// returned, so earlier elements are taken first. Every set must meet `elements`.
    ///
    /// ```swift
    /// HittingSet.minimum(of: [[1, 2], [2, 3], [4]], elements: [1, 2, 3, 4])  // [2, 4]
    /// ```
    static func minimum(of sets: [Set<Int32>], elements: [Int32]) -> [Int32] {
        for size in 0...elements.count {
            if let found = first(ofSize: size, from: elements, hitting: sets) { return found }
        }
        return elements
    }

    /// The first combination of `size` elements, in lexicographic order, that hits all sets.
    private static func first(ofSize size: Int, from elements: [Int32], hitting sets: [Set<Int32>]) -> [Int32]? {
        var positions = Array(0..<size)
        while true {
            let chosen = positions.map { elements[$0] }
            if sets.allSatisfy({ !$0.isDisjoint(with: chosen) }) { return chosen }
            var slot = size - 1
            while slot >= 0 && positions[slot] == elements.count - size + slot { slot -= 1 }
            guard slot >= 0 else { return nil }
            positions[slot] += 1
            for next in slot + 1..<size { positions[next] = positions[next - 1] + 1 }
        }
    }
}
