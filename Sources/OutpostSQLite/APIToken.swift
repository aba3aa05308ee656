public import Foundation

/// A token that a system outside Outpost (fulfilment, a BI tool, a web form) presents
/// to the HTTP data API as `Authorization: Bearer TOKEN`. The store keeps its BLAKE2b
/// digest, never the token; each token is limited to its scopes and may expire.
public struct APIToken: Sendable, Equatable {
    /// The token's public id (shown by `token list`, named by `token revoke`).
    public var id: String
    /// A name for people, e.g. `fulfilment`.
    public var label: String
    /// The scopes granted, e.g. `orders:read`.
    public var scopes: [String]
    public var createdAt: Date
    /// After this instant the token is refused (`nil`: it does not expire).
    public var expiresAt: Date?
    /// Set when an admin revokes it; a revoked token is refused.
    public var revokedAt: Date?

    public init(id: String, label: String, scopes: [String], createdAt: Date, expiresAt: Date? = nil, revokedAt: Date? = nil) {
        self.id = id
        self.label = label
        self.scopes = scopes
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
    }

    /// Whether the token may be used at `now`.
    public func isValid(at now: Date) -> Bool {
        revokedAt == nil && (expiresAt.map { now < $0 } ?? true)
    }
}
