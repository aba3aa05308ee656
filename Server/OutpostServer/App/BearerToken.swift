import Hummingbird
import SodiumKit

/// The deprecated static bearer token of `serve --feed-token-file` (API tokens made with
/// `outpost-server token add` replace it; see ``APIAccess``). It is compared by BLAKE2b
/// digest in constant time, so neither its length nor its bytes leak through timing.
/// It fails closed: if a digest cannot be made, no request passes.
struct BearerToken: Sendable {
    private let digest: [UInt8]?

    /// The token the server expects.
    init(_ token: String) {
        digest = Self.digest(token)
    }

    /// Throws 401 unless `request` carries this token.
    func check(_ request: Request) throws {
        let presented = request.headers[.authorization].flatMap { header in
            header.hasPrefix("Bearer ") ? String(header.dropFirst("Bearer ".count)) : nil
        }
        guard let presented, matches(presented) else {
            throw HTTPError(.unauthorized, message: "Send Authorization: Bearer with the server's API token.")
        }
    }

    /// Whether `presented` is this token.
    func matches(_ presented: String) -> Bool {
        guard let expected = digest, let offered = Self.digest(presented) else { return false }
        return ConstantTime.equal(offered, expected)
    }

    private static func digest(_ token: String) -> [UInt8]? {
        try? GenericHash.hash(Array(token.utf8))
    }
}
