/// Explanations found so far, by effect, reused while the choices they cite still hold.
///
/// An explanation stays sufficient and minimal as long as its cited choices are among the
/// current ones, so after a new choice only the newly forced or excluded options need one.
struct ExplanationCache {
    /// How many explanations are kept per effect (the most recent ones).
    static let perEffect = 4
    private var entries: [Int32: [Explanation]] = [:]

    /// A cached explanation of `effect` citing only choices in `choices`.
    func explanation(of effect: Int32, within choices: Set<Int32>) -> Explanation? {
        entries[effect]?.last { $0.choices.allSatisfy(choices.contains) }
    }

    /// Remembers `explanation`, dropping the oldest of its effect beyond `perEffect`.
    mutating func insert(_ explanation: Explanation) {
        entries[explanation.effect, default: []].append(explanation)
        if let count = entries[explanation.effect]?.count, count > Self.perEffect {
            entries[explanation.effect]?.removeFirst()
        }
    }
}
