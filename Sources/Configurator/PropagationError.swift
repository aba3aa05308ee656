/// A set of choices that cannot be propagated, because it does not fit the model.
public enum PropagationError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A choice literal is `0` or names a variable beyond the model's `variableCount`.
    case choiceOutOfRange(literal: Int32, variableCount: Int)

    public var description: String {
        switch self {
        case let .choiceOutOfRange(literal, variableCount):
            "choice \(literal) is not a literal of this model: use ±1...±\(variableCount)"
        }
    }
}
