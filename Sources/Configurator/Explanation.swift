/// Why an option is forced or excluded: a minimal set of the user's choices and the model's
/// clauses that implies it.
///
/// The cited choices and clauses alone imply `effect`, and dropping any one of them no
/// longer does. `DIMACSModel.wording(of:)` reads it out in words.
///
/// ```swift
/// let model = try DIMACSModel(parsing: "c 1 Sport\nc 2 Turbo\np cnf 2 1\n-1 2 0\n")
/// var propagator = Propagator(model: model)
/// let result = try propagator.propagate(choices: [1])
/// let why = result.explanation(of: 2)   // effect 2, choices [1], clauses [0]
/// model.wording(of: why!)               // "“Turbo” is required: you chose “Sport”; “Sport” requires “Turbo”."
/// ```
public struct Explanation: Hashable, Sendable {
    /// The implied literal: `v` when variable `v` is forced, `-v` when it is excluded.
    public let effect: Int32
    /// The choices cited, in the order they were made.
    public let choices: [Int32]
    /// The clauses cited, as ascending indices into the model's `clauses`.
    public let clauses: [Int]

    /// Makes an explanation of `effect` from the choices and clauses that imply it.
    public init(effect: Int32, choices: [Int32], clauses: [Int]) {
        self.effect = effect
        self.choices = choices
        self.clauses = clauses
    }
}
