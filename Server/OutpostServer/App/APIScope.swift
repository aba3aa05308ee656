/// A permission of the HTTP data API; an API token grants some of them.
///
/// Routes state the scope they need with ``APIAccess/require(_:)`` (a middleware) or
/// ``APIAccess/authorize(_:for:)``; add a scope here when adding such a route.
public struct APIScope: Hashable, Sendable, CustomStringConvertible {
    /// The scope as written on the command line and stored, e.g. `orders:read`.
    public let name: String

    private init(_ name: String) { self.name = name }

    /// `GET /orders/feed`.
    public static let ordersRead = APIScope("orders:read")
    /// `GET /forecast`.
    public static let forecastRead = APIScope("forecast:read")
    /// `POST /leads` (web-to-lead).
    public static let leadsWrite = APIScope("leads:write")

    /// Every scope a token may be given.
    public static let all: [APIScope] = [.ordersRead, .forecastRead, .leadsWrite]

    /// The scope named `name`, if it is one of ``all``.
    public init?(named name: String) {
        guard let scope = Self.all.first(where: { $0.name == name }) else { return nil }
        self = scope
    }

    public var description: String { name }
}
