/// Why a set of choices is impossible, and the fewest choices to undo.
///
/// `choices` and `clauses` form a minimal conflict: together they cannot be satisfied, and
/// dropping any one of them makes the rest satisfiable. `undo` is a smallest set of choices
/// whose removal makes the remaining choices possible; among several of that size it keeps
/// the later choices (it undoes the earliest ones), so a new choice wins over older ones.
/// When the model's rules contradict each other, `choices` and `undo` are empty and
/// `clauses` is a minimal contradictory set of rules.
public struct Conflict: Hashable, Sendable {
    /// The clashing choices, in the order they were made.
    public let choices: [Int32]
    /// The clauses that make them clash, as ascending indices into the model's `clauses`.
    public let clauses: [Int]
    /// The fewest choices to take back, in the order they were made.
    public let undo: [Int32]

    /// Makes a conflict from its parts.
    public init(choices: [Int32], clauses: [Int], undo: [Int32]) {
        self.choices = choices
        self.clauses = clauses
        self.undo = undo
    }
}
