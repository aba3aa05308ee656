/// QuickXPlain (Junker, AAAI 2004): a minimal inconsistent subset of a list of constraints.
///
/// Given candidates that are inconsistent together, it returns a subset that is still
/// inconsistent and from which no element can be dropped: removing any one of them makes
/// the rest consistent. It splits the candidates in halves and keeps only what each half
/// needs, taking O(k·log(n/k)) consistency checks for a result of k out of n elements.
/// Earlier candidates are preferred: among several minimal subsets, it returns one that
/// keeps the earliest possible elements.
///
/// ```swift
/// // Which numbers are enough for a sum of at least 10?
/// QuickXPlain.minimalConflict(among: [1, 9, 4, 6]) { $0.reduce(0, +) >= 10 }  // [1, 9]
/// ```
enum QuickXPlain {
    /// A minimal subset of `candidates` for which `isInconsistent` holds.
    ///
    /// - Parameters:
    ///   - candidates: constraints, most preferred first, that `isInconsistent` together.
    ///   - isInconsistent: whether a subset of the candidates (with whatever fixed
    ///     background the caller adds) is inconsistent; it must be monotone (a superset of
    ///     an inconsistent subset is inconsistent).
    static func minimalConflict<Element>(among candidates: [Element],
                                         isInconsistent: ([Element]) -> Bool) -> [Element] {
        guard candidates.count > 1 else { return candidates }
        return reduce(base: [], changed: false, candidates[...], isInconsistent)
    }

    /// The part of `candidates` needed, on top of `base`, for an inconsistency; `changed`
    /// says whether `base` grew since its consistency was last known.
    private static func reduce<Element>(base: [Element], changed: Bool, _ candidates: ArraySlice<Element>,
                                        _ isInconsistent: ([Element]) -> Bool) -> [Element] {
        if changed && isInconsistent(base) { return [] }
        if candidates.count == 1 { return Array(candidates) }
        let middle = candidates.startIndex + candidates.count / 2
        let first = candidates[..<middle], second = candidates[middle...]
        let fromSecond = reduce(base: base + first, changed: true, second, isInconsistent)
        let fromFirst = reduce(base: base + fromSecond, changed: !fromSecond.isEmpty, first, isInconsistent)
        return fromFirst + fromSecond
    }
}
