/// What the rules and the current choices leave open for one variable.
public enum VariableState: Hashable, Sendable {
    /// True in every configuration that satisfies the rules and the choices.
    case forced
    /// False in every configuration that satisfies the rules and the choices.
    case excluded
    /// True in some such configuration and false in another.
    case open
}
