public import Foundation
public import Hummingbird
public import OutpostSQLite
import OutpostStore
import SodiumKit

/// Decides whether a request to the HTTP data API may use a scope: it must carry
/// `Authorization: Bearer TOKEN` with an unexpired, unrevoked API token that grants the
/// scope (`outpost-server token add`), or the deprecated static token of `serve
/// --feed-token-file`, which grants `orders:read` and `forecast:read` only.
///
/// ```swift
/// router.group("leads").add(middleware: access.require(.leadsWrite)).post { request, context in … }
/// ```
public struct APIAccess: Sendable {
    /// Where API tokens are looked up by digest (`nil`: none are accepted).
    let tokens: SQLiteStore?
    /// The deprecated static token.
    let legacy: BearerToken?
    /// The clock expiry is checked against.
    let now: @Sendable () -> Date

    /// Access by the store's API tokens and, if given, the deprecated static `legacyToken`.
    public init(tokens: SQLiteStore?, legacyToken: String? = nil, now: @escaping @Sendable () -> Date = Date.init) {
        self.tokens = tokens
        legacy = legacyToken.map(BearerToken.init)
        self.now = now
    }

    /// Whether any credential at all can be accepted (otherwise the data routes are not served).
    var acceptsAny: Bool { tokens != nil || legacy != nil }

    /// The scopes the deprecated static token grants.
    static let legacyScopes: Set<APIScope> = [.ordersRead, .forecastRead]

    /// Returns when `request` may use `scope`.
    /// - Throws: `HTTPError` 401 without a valid token, 403 when the token lacks `scope`.
    public func authorize(_ request: Request, for scope: APIScope) async throws {
        guard let presented = Self.bearer(request) else { throw Self.unauthorized(scope) }
        if let legacy, legacy.matches(presented) {
            guard Self.legacyScopes.contains(scope) else { throw Self.forbidden(scope) }
            return
        }
        guard let tokens, let digest = try? APITokenSecret.digest(presented),
              let token = try await tokens.apiToken(digest: digest), token.isValid(at: now()) else {
            throw Self.unauthorized(scope)
        }
        guard token.scopes.contains(scope.name) else { throw Self.forbidden(scope) }
    }

    /// A middleware that lets through only requests that may use `scope`.
    public func require<Context: RequestContext>(_ scope: APIScope) -> RequireScope<Context> {
        RequireScope(access: self, scope: scope)
    }

    private static func bearer(_ request: Request) -> String? {
        request.headers[.authorization].flatMap { header in
            header.hasPrefix("Bearer ") ? String(header.dropFirst("Bearer ".count)) : nil
        }
    }

    private static func unauthorized(_ scope: APIScope) -> HTTPError {
        HTTPError(.unauthorized, message: "Send Authorization: Bearer with an API token that has scope \(scope) "
            + "(outpost-server token add --scope \(scope)).")
    }

    private static func forbidden(_ scope: APIScope) -> HTTPError {
        HTTPError(.forbidden, message: "This API token lacks scope \(scope); make one with: outpost-server token add --scope \(scope)")
    }
}

/// The middleware of ``APIAccess/require(_:)``.
public struct RequireScope<Context: RequestContext>: RouterMiddleware {
    let access: APIAccess
    let scope: APIScope

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        try await access.authorize(request, for: scope)
        return try await next(request, context)
    }
}
