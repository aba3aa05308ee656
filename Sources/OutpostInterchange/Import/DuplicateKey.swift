import Foundation
import OutpostModel

/// How names are compared when looking for duplicates.
public enum DuplicateKey {
    /// Lower-case ASCII words joined by dashes, so case, accents, punctuation and
    /// spacing do not matter: `Müller & Söhne, Nord` → `mueller-soehne-nord`.
    public static func normalised(_ text: String) -> String { ASCIIFolding.slug(text) }

    /// A VAT number's letters and digits in upper case: `de 123.456.789` → `DE123456789`;
    /// `nil` when it has none.
    public static func vatNumber(_ text: String) -> String? {
        let kept = String(text.uppercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) })
        return kept.isEmpty ? nil : kept
    }

    /// A web site's host in lower case without scheme, `www.`, port or path:
    /// `https://WWW.Ironhill.example:443/about` → `ironhill.example`; `nil` when empty.
    public static func domain(_ text: String) -> String? {
        var host = Substring(text.lowercased().trimmingCharacters(in: .whitespaces))
        if let scheme = host.range(of: "://") { host = host[scheme.upperBound...] }
        host = host.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        host = host.prefix { $0 != ":" }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        while host.hasSuffix(".") { host = host.dropLast() }
        return host.isEmpty ? nil : String(host)
    }
}
