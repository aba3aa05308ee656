import HTMLText

/// Markup built in Swift: text is escaped where it enters, so a name such as
/// `<script>` from a CSV import shows as text and never runs.
struct HTML: Sendable, CustomStringConvertible {
    /// The markup.
    private(set) var markup: String

    /// Trusted markup, written in this module.
    init(raw markup: String) { self.markup = markup }

    /// Text, escaped.
    init(text: String) { markup = HTML.escape(text) }

    var description: String { markup }

    /// Appends trusted markup.
    static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(raw: lhs.markup + rhs.markup) }

    /// Joins pieces of markup.
    static func join(_ parts: some Sequence<HTML>, separator: String = "") -> HTML {
        HTML(raw: parts.map(\.markup).joined(separator: separator))
    }

    /// `text` escaped for HTML (``HTMLText``).
    static func escape(_ text: String) -> String { HTMLText.escape(text) }
}

extension String.StringInterpolation {
    /// `"\(html: piece)"`: trusted markup inside a template.
    mutating func appendInterpolation(html: HTML) { appendLiteral(html.markup) }

    /// `"\(text: value)"`: escaped text inside a template.
    mutating func appendInterpolation(text: String) { appendLiteral(HTML.escape(text)) }
}
