/// Turns names such as `Müller`, `Élodie` or `O'Brien` into the ASCII pieces of
/// e-mail addresses, login names, web domains and option codes.
public enum ASCIIFolding {
    /// Lower-case ASCII letters and digits only: `O'Brien` → `obrien`, `Müller` → `mueller`.
    public static func word(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.lowercased() {
            if character.isASCII {
                if character.isLetter || character.isNumber { result.append(character) }
            } else if let folded = replacements[character] {
                result += folded
            }
        }
        return result
    }

    /// Lower-case words joined by single dashes: `i3-7350K Kaby Lake` → `i3-7350k-kaby-lake`,
    /// `Home & Garden` → `home-garden`.
    public static func slug(_ text: String) -> String {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
            .map { word(String($0)) }
            .filter { !$0.isEmpty }
            .joined(separator: "-")
    }

    private static let replacements: [Character: String] = [
        "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "ø": "o", "å": "a",
        "á": "a", "à": "a", "â": "a", "ã": "a", "ç": "c", "é": "e", "è": "e", "ê": "e", "ë": "e",
        "í": "i", "ì": "i", "î": "i", "ï": "i", "ñ": "n", "ó": "o", "ò": "o", "ô": "o", "õ": "o",
        "ú": "u", "ù": "u", "û": "u",
    ]
}
