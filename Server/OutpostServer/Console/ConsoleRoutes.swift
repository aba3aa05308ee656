import Foundation
import Hummingbird
import OutpostModel
import OutpostSQLite
import SodiumKit

/// Registers the console's pages under `/console/`; see ARCHITECTURE.md, the browser console.
func addConsoleRoutes(to router: Router<BasicRequestContext>, console: ConsoleService) {
    router.get("console") { request, _ in
        guard let session = try await console.session(of: request) else { return ConsoleService.redirect("/console/sign-in") }
        return ConsoleService.redirect(ConsolePage.Tab.visible(to: session.user.role)[0].path)
    }
    router.get("console/sign-in") { request, _ in
        console.signInPage(error: nil, flash: ConsoleService.flash(of: request))
    }
    router.post("console/sign-in") { request, _ in
        let form = try await ConsoleForm(request)
        switch try await console.signIn(name: form["name"] ?? "", password: form["password"] ?? "") {
        case .success(let token):
            var response = ConsoleService.redirect("/console")
            response.setCookie(console.sessionCookie(token))
            return response
        case .failure(let refusal):
            let status: HTTPResponse.Status = if case .limited = refusal { .tooManyRequests } else { .unauthorized }
            return console.signInPage(error: refusal.message, status: status)
        }
    }
    router.get("console/login/:token") { request, context in
        switch try await console.redeem(link: context.parameters.get("token") ?? "") {
        case .success(let token):
            let next = request.uri.queryParameters.get("next").flatMap { $0.hasPrefix("/console/") && !$0.contains("//") ? $0 : nil }
            var response = ConsoleService.redirect(next ?? "/console")
            response.setCookie(console.sessionCookie(token))
            return response
        case .failure(let refusal):
            return console.signInPage(error: refusal.message, status: .forbidden)
        }
    }
    router.post("console/sign-out") { request, _ in
        try await console.posted(request, roles: [.manager, .desk]) { _, _ in
            if let token = request.cookies[ConsoleService.cookieName]?.value, let hash = ConsoleToken.hash(token) {
                try await console.store.endConsoleSession(tokenHash: hash)
            }
            var response = ConsoleService.redirect("/console/sign-in")
            response.setCookie(console.clearedCookie())
            response.setCookie(console.flashCookie("You are signed out."))
            return response
        }
    }
    addManagerRoutes(to: router, console: console)
    addDeskRoutes(to: router, console: console)
}

extension ConsoleService {
    /// A `303 See Other` to `path`.
    static func redirect(_ path: String) -> Response {
        Response(status: .seeOther, headers: [.location: path, .cacheControl: "no-store"])
    }

    /// Runs `body` for a request whose session may see a page for `roles`; a request
    /// without a session is sent to sign in, another role gets a page saying so.
    func signedIn(_ request: Request, roles: Set<Role>, _ body: (ConsoleSessionRecord, Flash?) async throws -> Response) async throws -> Response {
        guard let session = try await session(of: request) else {
            var response = Self.redirect("/console/sign-in")
            response.setCookie(flashCookie("Sign in to go on."))
            return response
        }
        guard roles.contains(session.user.role) else {
            return Self.refused(session, "Not for your role", "This page is for \(Self.names(of: roles)) users.")
        }
        let flash = Self.flash(of: request)
        var response = try await body(session, flash)
        if flash != nil { response.setCookie(flashCookie(nil)) }
        return response
    }

    /// Serves `page` at `path` (a GET) to a session that may see it for `roles`, as ``signedIn(_:roles:_:)`` does.
    func page(_ path: RouterPath, roles: Set<Role>, on router: Router<BasicRequestContext>,
              _ page: @escaping @Sendable (Request, ConsoleSessionRecord, Flash?) async throws -> Response) {
        router.get(path) { request, _ in
            try await signedIn(request, roles: roles) { session, flash in try await page(request, session, flash) }
        }
    }

    /// Runs `body` for a posted form whose session may act for `roles` and whose
    /// anti-forgery token is the session's; refuses anything else with 403, unchanged.
    func posted(_ request: Request, roles: Set<Role>, _ body: (ConsoleSessionRecord, ConsoleForm) async throws -> Response) async throws -> Response {
        let form = try await ConsoleForm(request)
        guard let session = try await session(of: request) else { return Self.redirect("/console/sign-in") }
        guard let token = form["csrf"], ConstantTime.equal(Array(token.utf8), Array(session.csrf.utf8)) else {
            return Self.refused(session, "Form expired",
                                "This form is out of date or came from another site; nothing was changed. Reload the page and try again.")
        }
        guard roles.contains(session.user.role) else {
            return Self.refused(session, "Not for your role", "Only \(Self.names(of: roles)) users do this; nothing was changed.")
        }
        return try await body(session, form)
    }

    /// The 403 page `signedIn` and `posted` answer a request they refuse with: `title`,
    /// and `error` saying why.
    private static func refused(_ session: ConsoleSessionRecord, _ title: String, _ error: String) -> Response {
        ConsolePage(title: title, user: session.user, csrf: session.csrf, error: error, body: HTML(raw: "")).response(status: .forbidden)
    }

    /// `roles` as a page names them: `desk and manager`.
    private static func names(of roles: Set<Role>) -> String {
        roles.map(\.rawValue).sorted().joined(separator: " and ")
    }

    /// Runs a console action for `user` and sends them back to `path` with its outcome.
    func act(as user: User, back path: String, done: String, _ changes: () async throws -> [ConsoleChange]) async throws -> Response {
        var response = Self.redirect(path)
        do {
            try await writer.write(try await changes(), as: user, now: now())
            response.setCookie(flashCookie(done))
        } catch let error as ConsoleActionError {
            response.setCookie(flashCookie("!" + error.description))
        } catch let error as ConsoleWriteRefused {
            response.setCookie(flashCookie("!The server refused the change: " + error.message))
        } catch is ConsoleUserRevoked {
            response.setCookie(flashCookie("!" + ConsoleAccess.revoked + " Nothing was changed."))
        }
        return response
    }

    /// The page to sign in with a name and password.
    func signInPage(error: String?, flash: Flash? = nil, status: HTTPResponse.Status = .ok) -> Response {
        ConsolePage(title: "Sign in", notice: flash?.notice, error: error ?? flash?.error, body: HTML(raw: """
            <div class="card" style="max-width:420px"><form method="post" action="/console/sign-in">
            <p><label>Name<input name="name" autocomplete="username" required autofocus></label></p>
            <p><label>Password<input name="password" type="password" autocomplete="current-password" required></label></p>
            <p><button type="submit">Sign in</button></p></form>
            <p class="muted">No password yet? An admin runs <code>outpost-server user login-link NAME</code> and gives you the link.</p></div>
            """)).response(status: status)
    }

    // MARK: One-time messages after a redirect

    /// A message for the next page, in a short-lived cookie (a leading `!` marks an error).
    func flashCookie(_ message: String?) -> Cookie {
        Cookie(name: "outpost_flash", value: message.map { GenericHash.hex(Array($0.utf8)) } ?? "", maxAge: message == nil ? 0 : 60,
               path: "/console", secure: secureCookies, httpOnly: true, sameSite: .strict)
    }

    /// The message a redirect left for this page.
    struct Flash {
        var notice: String?
        var error: String?
    }

    static func flash(of request: Request) -> Flash? {
        guard let hex = request.cookies["outpost_flash"]?.value, !hex.isEmpty, hex.count % 2 == 0, hex.count <= 4000 else { return nil }
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return text.hasPrefix("!") ? Flash(error: String(text.dropFirst())) : Flash(notice: text)
    }
}
