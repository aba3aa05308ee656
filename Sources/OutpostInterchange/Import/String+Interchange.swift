extension String {
    /// The string without leading and trailing spaces, tabs and line breaks.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }

    /// `territoryID` → `territory_id`, `lastVisit` → `last_visit`.
    var snakeCased: String {
        var result = ""
        var previousWasUpper = false
        for character in self {
            if character.isUppercase {
                if !result.isEmpty && !previousWasUpper { result += "_" }
                result += character.lowercased()
                previousWasUpper = true
            } else {
                result.append(character)
                previousWasUpper = false
            }
        }
        return result
    }
}
