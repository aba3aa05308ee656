import Hummingbird

/// Who may create leads through `POST /leads`: a caller holding an API token with
/// scope `leads:write`.
///
/// Until scoped API tokens are stored by the server, the one token given to `serve
/// --lead-token-file` (or `OUTPOST_LEAD_TOKEN`) stands for that scope; switching
/// to stored tokens changes only ``authorize(_:)``.
struct LeadWriteAccess: Sendable {
    /// The scope a token needs.
    static let scope = "leads:write"

    let token: BearerToken

    /// Throws 401 unless `request` carries a token with ``scope``.
    func authorize(_ request: Request) throws {
        do { try token.check(request) } catch {
            throw HTTPError(.unauthorized, message: "Send Authorization: Bearer with an API token of scope \(Self.scope) (serve --lead-token-file).")
        }
    }
}
