/// The short form of an id that tables and messages show, and that people type back to
/// name a record, a quote or a document: the id's last eight hex digits.
///
/// Not its first eight: those of a time-ordered id (``Foundation/UUID/timeOrdered(at:)``)
/// tell when it was minted, the same for every record made within the same minute.
public enum ShortID {
    /// How many hex digits the short form has.
    public static let length = 8

    /// The short form of `idText`, an id's text with or without dashes.
    public static func of(_ idText: some StringProtocol) -> String { String(idText.suffix(length)) }
}

/// Some hex digits that a person typed to name an id: its short form, or any four or
/// more digits from its start or its end (any case, dashes ignored), up to the whole id.
public struct IDFragment: Sendable, Equatable {
    /// The lower-case hex digits, without dashes.
    public let hex: String

    /// The fragment `text` spells, or `nil` when it is not four or more hex digits.
    public init?(_ text: some StringProtocol) {
        let hex = text.lowercased().filter { $0 != "-" }
        guard hex.count >= 4, hex.allSatisfy(\.isHexDigit) else { return nil }
        self.hex = hex
    }

    /// Whether the fragment names the id whose lower-case text is `idText` (with or
    /// without dashes): it is the start or the end of that id.
    public func names(_ idText: some StringProtocol) -> Bool {
        let id = idText.contains("-") ? String(idText.filter { $0 != "-" }) : String(idText)
        return id.hasPrefix(hex) || id.hasSuffix(hex)
    }
}
