/// "Did you mean …" for a mistyped word: the nearest of the known words.
public enum Suggestion {
    /// The known word closest to `word` (at most two edits away, or a unique word it is the
    /// start of), or `nil`.
    ///
    /// ```swift
    /// Suggestion.nearest("acounts", among: ["accounts", "contacts"])  // "accounts"
    /// ```
    public static func nearest(_ word: String, among known: [String]) -> String? {
        let lowered = word.lowercased()
        let scored = known.map { ($0, distance(lowered, $0.lowercased())) }.filter { $0.1 <= min(2, max(1, word.count / 3)) }
        if let best = scored.min(by: { $0.1 < $1.1 }) { return best.0 }
        let prefixed = known.filter { $0.lowercased().hasPrefix(lowered) }
        return prefixed.count == 1 && word.count >= 2 ? prefixed[0] : nil
    }

    /// Levenshtein distance between two strings, by characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
