import Foundation
import Hummingbird
import OutpostModel
import OutpostSQLite
import SodiumKit

/// Who may use the console: managers (their territory subtrees) and the order desk
/// (the order queue). Reps work in the field client; admins run the server's commands.
enum ConsoleAccess {
    /// Why `user` may not use the console, or `nil` when they may.
    static func refusal(for user: User) -> String? {
        switch user.role {
        case .manager, .desk: nil
        case .rep: "The console is for managers and the order desk; reps work in the outpost app on their device."
        case .admin: "The console is for managers and the order desk; admins use the outpost-server commands."
        }
    }

    /// What a user an admin disabled, or whose console device an admin revoked, reads.
    static let revoked = "Your console access was revoked or your account disabled; ask an admin."
}

/// Random secrets for the browser: session cookies, sign-in links and anti-forgery
/// tokens. Only BLAKE2b hashes of session and link tokens are stored.
enum ConsoleToken {
    /// 32 random bytes as 64 hex digits.
    static func make() throws -> String { GenericHash.hex(try SecureRandom.bytes(32)) }

    /// The stored form of a token, or `nil` for text that is not one of ours.
    static func hash(_ token: String) -> [UInt8]? {
        guard token.count == 64, token.allSatisfy(\.isHexDigit) else { return nil }
        return try? GenericHash.hash(Array(token.utf8))
    }
}

extension ConsoleService {
    /// The session cookie's name.
    static let cookieName = "outpost_session"

    /// The session `request` carries, if it is open and its user may still use the
    /// console (role and territories re-read on every request).
    func session(of request: Request) async throws -> ConsoleSessionRecord? {
        guard let token = request.cookies[Self.cookieName]?.value, let hash = ConsoleToken.hash(token),
              let session = try await store.consoleSession(tokenHash: hash, now: now(), idle: Self.idleLimit),
              ConsoleAccess.refusal(for: session.user) == nil else { return nil }
        return session
    }

    /// Signs `name` in with `password`: the session token for the cookie, or why not.
    func signIn(name: String, password: String) async throws -> Result<String, SignInRefusal> {
        if let wait = signIns.admit(name) {
            return .failure(.limited(seconds: max(Int(wait.components.seconds), 1)))
        }
        let user = try await store.user(named: name)
        var stored: String?
        if let user { stored = try await store.consolePasswordHash(user: user.id) }
        // Without a user or a password, still spend an Argon2id verification, so the
        // answer's timing does not tell which names exist.
        let matches = PasswordHash.verify(password, against: stored ?? Self.decoyHash)
        guard let user, matches, stored != nil else { return .failure(.wrong) }
        if let refusal = ConsoleAccess.refusal(for: user) { return .failure(.notAllowed(refusal)) }
        if try await store.isConsoleRevoked(user: user.id) { return .failure(.notAllowed(ConsoleAccess.revoked)) }
        signIns.succeeded(name)
        let token = try ConsoleToken.make()
        try await store.openConsoleSession(tokenHash: ConsoleToken.hash(token)!, user: user.id, csrf: try ConsoleToken.make(), now: now())
        return .success(token)
    }

    /// Spends a sign-in link: the session token for the cookie, or why not.
    func redeem(link: String) async throws -> Result<String, SignInRefusal> {
        guard let hash = ConsoleToken.hash(link) else { return .failure(.badLink) }
        let token = try ConsoleToken.make()
        guard let userID = try await store.redeemConsoleLink(tokenHash: hash, session: ConsoleToken.hash(token)!,
                                                             csrf: try ConsoleToken.make(), now: now()) else {
            return .failure(.badLink)
        }
        guard let user = try await store.users().first(where: { $0.id == userID }) else { return .failure(.badLink) }
        if let refusal = ConsoleAccess.refusal(for: user) {
            try await store.endConsoleSession(tokenHash: ConsoleToken.hash(token)!)
            return .failure(.notAllowed(refusal))
        }
        return .success(token)
    }

    /// The session cookie: HttpOnly, SameSite=Strict, `Secure` with TLS, for `/console`.
    func sessionCookie(_ token: String) -> Cookie {
        Cookie(name: Self.cookieName, value: token, path: "/console", secure: secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// A cookie that clears the session cookie.
    func clearedCookie() -> Cookie {
        Cookie(name: Self.cookieName, value: "", maxAge: 0, path: "/console", secure: secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// An Argon2id hash no password matches in practice, verified when the name or its
    /// password is unknown.
    private static let decoyHash: String = (try? PasswordHash.hash(GenericHash.hex((try? SecureRandom.bytes(16)) ?? []))) ?? ""
}

/// Why a sign-in did not open a session.
enum SignInRefusal: Error, Equatable {
    /// Unknown name or wrong password (which one is not said).
    case wrong
    /// Too many failed tries for this name.
    case limited(seconds: Int)
    /// The user exists but may not use the console.
    case notAllowed(String)
    /// The link is unknown, used or expired.
    case badLink

    /// What the sign-in page says.
    var message: String {
        switch self {
        case .wrong: "That name and password do not match. Ask an admin for a sign-in link (outpost-server user login-link NAME)."
        case .limited(let seconds): "Too many failed sign-ins for this name; try again in \(seconds) s."
        case .notAllowed(let reason): reason
        case .badLink: "This sign-in link is used, expired or unknown; ask an admin for a new one (outpost-server user login-link NAME)."
        }
    }
}
