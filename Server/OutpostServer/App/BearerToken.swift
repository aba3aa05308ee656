import Hummingbird
import SodiumKit

/// The bearer token that readers of the server's HTTP data API (the order feed, the
/// forecast) present as `Authorization: Bearer TOKEN`. It is compared by BLAKE2b
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
        guard let expected = digest, let presented, let offered = Self.digest(presented),
              ConstantTime.equal(offered, expected) else {
            throw HTTPError(.unauthorized, message: "Send Authorization: Bearer with the server's API token (serve --feed-token-file).")
        }
    }

    private static func digest(_ token: String) -> [UInt8]? {
        try? GenericHash.hash(Array(token.utf8))
    }
}
