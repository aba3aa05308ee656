import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import OutpostModel
import OutpostSQLite
import OutpostServer
import OutpostStore
import SodiumKit
import Synchronization
import Testing

/// A console on a temporary store with a clock the test moves.
final class ConsoleFixture: Sendable {
    let store: SQLiteStore
    let north = Territory(name: "North")
    let south: Territory
    let manager: User
    let southManager: User
    let rep: User
    let desk: User
    let admin: User
    let account: Account
    let submission: ForecastSubmission
    private let clock = Mutex(Date(timeIntervalSince1970: 1_790_000_000))
    private let limiterClock = Mutex(ContinuousClock.now)

    init() async throws {
        store = try SQLiteStore.temporary()
        south = Territory(name: "South")
        manager = User(name: "nora.boss", displayName: "Nora Boss", role: .manager, territoryIDs: [north.id])
        southManager = User(name: "sam.boss", displayName: "Sam Boss", role: .manager, territoryIDs: [south.id])
        rep = User(name: "rep.north", displayName: "Rita Rep", role: .rep, territoryIDs: [north.id])
        desk = User(name: "desk", displayName: "Order Desk", role: .desk)
        admin = User(name: "admin", displayName: "Admin", role: .admin)
        account = Account(territoryID: north.id, name: "<script>alert(1)</script> GmbH")
        submission = ForecastSubmission(ownerID: rep.id, territoryID: north.id, period: .quarter(year: 2026, quarter: 4),
                                        amounts: [.commit: Money(minorUnits: 1_000_000, currency: .eur)])
        var batch = RecordBatch()
        batch.territories = [north, south]
        batch.users = [manager, southManager, rep, desk, admin]
        batch.accounts = [account, Account(territoryID: south.id, name: "Southern Account")]
        batch.opportunities = [Opportunity(accountID: account.id, ownerID: rep.id, name: "Deal", stage: .negotiation,
                                           amount: Money(minorUnits: 1_234_50, currency: .eur), closeDate: try CalendarDay(year: 2026, month: 12, day: 1))]
        batch.forecastSubmissions = [submission]
        try await store.insert(batch)
    }

    var now: Date { clock.withLock { $0 } }
    func advance(seconds: TimeInterval) {
        clock.withLock { $0 = $0.addingTimeInterval(seconds) }
        limiterClock.withLock { $0 = $0.advanced(by: .seconds(seconds)) }
    }

    var console: ConsoleService {
        ConsoleService(store: store, signIns: SignInLimiter(burst: 3, secondsPerTry: 60, clock: { self.limiterClock.withLock { $0 } }),
                       now: { self.now })
    }

    func app() -> some ApplicationProtocol {
        buildApplication(store: store, configuration: ServerConfiguration(host: "127.0.0.1", port: 0), console: console, logger: Logger(label: "test"))
    }

    /// A sign-in link token for `user`, stored as `user login-link` stores it.
    func link(for user: User, lifetime: TimeInterval = 15 * 60) async throws -> String {
        let token = GenericHash.hex(try SecureRandom.bytes(32))
        try await store.addConsoleLink(tokenHash: try GenericHash.hash(Array(token.utf8)), user: user.id, expiresAt: now.addingTimeInterval(lifetime))
        return token
    }
}

/// The session cookie a response sets, as `name=value`.
func sessionCookie(_ response: TestResponse) -> String? {
    response.headers[values: .setCookie].first { $0.hasPrefix("outpost_session=") }.map { String($0.split(separator: ";")[0]) }
}

/// The anti-forgery token in a page's forms.
func csrfToken(_ body: String) -> String? {
    body.firstMatch(of: #/name="csrf" value="([0-9a-f]{64})"/#).map { String($0.output.1) }
}

@Suite("Browser console: sign-in, sessions, forgery and scope")
struct ConsoleTests {
    @Test("a sign-in link signs in once, within 15 minutes, with an HttpOnly SameSite=Strict cookie")
    func loginLink() async throws {
        let fixture = try await ConsoleFixture()
        let token = try await fixture.link(for: fixture.manager)
        let late = try await fixture.link(for: fixture.manager)
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: "/console/login/\(token)?next=/console/pipeline", method: .get) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/console/pipeline")
                let header = try #require(response.headers[values: .setCookie].first { $0.hasPrefix("outpost_session=") })
                #expect(header.contains("HttpOnly") && header.contains("SameSite=Strict") && header.contains("Path=/console"))
                #expect(!header.contains("Secure"), "no TLS here")
                let cookie = try #require(sessionCookie(response))
                try await client.execute(uri: "/console/forecast", method: .get, headers: [.cookie: cookie]) { page in
                    #expect(page.status == .ok)
                    #expect(String(buffer: page.body).contains("Nora Boss"))
                }
            }
            try await client.execute(uri: "/console/login/\(token)", method: .get) { response in
                #expect(response.status == .forbidden, "a link works once")
                #expect(sessionCookie(response) == nil)
            }
            fixture.advance(seconds: 15 * 60 + 1)
            try await client.execute(uri: "/console/login/\(late)", method: .get) { response in
                #expect(response.status == .forbidden, "a link expires after 15 minutes")
            }
            try await client.execute(uri: "/console/login/not-a-token", method: .get) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    @Test("a session ends after 8 hours without a request, and each request keeps it alive")
    func idleExpiry() async throws {
        let fixture = try await ConsoleFixture()
        let token = try await fixture.link(for: fixture.desk)
        try await fixture.app().test(.router) { client in
            let cookie = try await client.execute(uri: "/console/login/\(token)", method: .get) { try #require(sessionCookie($0)) }
            fixture.advance(seconds: 7 * 3600)
            try await client.execute(uri: "/console/orders", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .ok) }
            fixture.advance(seconds: 7 * 3600)
            try await client.execute(uri: "/console/orders", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .ok) }
            fixture.advance(seconds: 8 * 3600 + 1)
            try await client.execute(uri: "/console/orders", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/console/sign-in")
            }
        }
    }

    @Test("a password signs in; wrong ones are refused and then rate-limited; reps, admins and disabled users are refused")
    func passwords() async throws {
        let fixture = try await ConsoleFixture()
        let hash = try PasswordHash.hash("correct horse battery", opslimit: PasswordKey.minimumOpsLimit, memlimit: PasswordKey.minimumMemLimit)
        try await fixture.store.setConsolePassword(user: fixture.manager.id, hash: hash, now: fixture.now)
        try await fixture.store.setConsolePassword(user: fixture.rep.id, hash: hash, now: fixture.now)
        let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        @Sendable func body(_ name: String, _ password: String) -> ByteBuffer { ByteBuffer(string: "name=\(name)&password=\(password.replacingOccurrences(of: " ", with: "+"))") }
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: "/console/sign-in", method: .post, headers: form, body: body("nora.boss", "correct horse battery")) { response in
                #expect(response.status == .seeOther)
                #expect(sessionCookie(response) != nil)
            }
            try await client.execute(uri: "/console/sign-in", method: .post, headers: form, body: body("rep.north", "correct horse battery")) { response in
                #expect(response.status == .unauthorized)
                #expect(sessionCookie(response) == nil)
                #expect(String(buffer: response.body).contains("reps work in the outpost app"))
            }
            for _ in 0..<3 {
                try await client.execute(uri: "/console/sign-in", method: .post, headers: form, body: body("nora.boss", "wrong")) { response in
                    #expect(response.status == .unauthorized)
                }
            }
            try await client.execute(uri: "/console/sign-in", method: .post, headers: form, body: body("nora.boss", "correct horse battery")) { response in
                #expect(response.status == .tooManyRequests, "after 3 failures even the right password waits")
                #expect(sessionCookie(response) == nil)
            }
            fixture.advance(seconds: 61)
            try await client.execute(uri: "/console/sign-in", method: .post, headers: form, body: body("nora.boss", "correct horse battery")) { response in
                #expect(response.status == .seeOther, "a minute later one more try is allowed")
            }
            try await client.execute(uri: "/console/sign-in", method: .post, headers: form, body: body("nobody", "correct horse battery")) { response in
                #expect(response.status == .unauthorized)
            }
        }
        let adminLink = try await fixture.link(for: fixture.admin)
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: "/console/login/\(adminLink)", method: .get) { response in
                #expect(response.status == .forbidden)
                #expect(sessionCookie(response) == nil)
            }
        }
        // A disabled user (outpost-server user disable) signs in no more, and their session ends.
        try await fixture.store.setConsolePassword(user: fixture.southManager.id, hash: hash, now: fixture.now)
        try await fixture.app().test(.router) { client in
            let cookie = try await client.execute(uri: "/console/sign-in", method: .post, headers: form,
                                                  body: body("sam.boss", "correct horse battery")) { try #require(sessionCookie($0)) }
            try await fixture.store.setUserDisabled(fixture.southManager.id, at: fixture.now)
            try await client.execute(uri: "/console/forecast", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/console/sign-in")
            }
            try await client.execute(uri: "/console/sign-in", method: .post, headers: form, body: body("sam.boss", "correct horse battery")) { response in
                #expect(response.status == .unauthorized && sessionCookie(response) == nil)
                #expect(String(buffer: response.body).contains("disabled"))
            }
        }
        #expect(try await fixture.store.revokeConsoleAccess(user: fixture.manager.id))
        #expect(try await fixture.store.consolePasswordHash(user: fixture.manager.id) == nil)
    }

    @Test("a form without the session's anti-forgery token changes nothing; with it, the adjustment is a replicated write of the manager's console device, which an admin can revoke")
    func forgery() async throws {
        let fixture = try await ConsoleFixture()
        let token = try await fixture.link(for: fixture.manager)
        let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        try await fixture.app().test(.router) { client in
            let cookie = try await client.execute(uri: "/console/login/\(token)", method: .get) { try #require(sessionCookie($0)) }
            let page = try await client.execute(uri: "/console/forecast?period=2026Q4", method: .get, headers: [.cookie: cookie]) { String(buffer: $0.body) }
            let csrf = try #require(csrfToken(page))
            let fields = "submission=\(fixture.submission.id)&category=commit&amount=9000&note=slips"
            var headers = form
            headers[.cookie] = cookie
            for forged in ["", "&csrf=" + String(repeating: "0", count: 64)] {
                try await client.execute(uri: "/console/forecast/adjust", method: .post, headers: headers, body: ByteBuffer(string: fields + forged)) { response in
                    #expect(response.status == .forbidden)
                }
            }
            #expect(try await fixture.store.forecastAdjustments().isEmpty)
            try await client.execute(uri: "/console/forecast/adjust", method: .post, headers: form,
                                     body: ByteBuffer(string: fields + "&csrf=" + csrf)) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/console/sign-in", "no cookie, no change")
            }
            try await client.execute(uri: "/console/forecast/adjust", method: .post, headers: headers,
                                     body: ByteBuffer(string: fields + "&csrf=" + csrf)) { response in
                #expect(response.status == .seeOther)
            }
            let adjustments = try await fixture.store.forecastAdjustments()
            #expect(adjustments.count == 1)
            #expect(adjustments.first?.managerID == fixture.manager.id && adjustments.first?.amount == Money(minorUnits: 900_000, currency: .eur))
            #expect(adjustments.first?.note == "slips")
            let devices = try await fixture.store.devices().filter { $0.userID == fixture.manager.id }
            #expect(devices.map(\.label) == ["browser console"], "written as the manager's console device")

            // Revoking that device (outpost-server device revoke) ends the manager's console access.
            try await fixture.store.revokeDevice(try #require(devices.first).id, at: fixture.now)
            try await client.execute(uri: "/console/forecast", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .seeOther && response.headers[.location] == "/console/sign-in")
            }
        }
    }

    @Test("a manager sees exactly their subtree; names are escaped; the desk sees the order queue only")
    func scope() async throws {
        let fixture = try await ConsoleFixture()
        let managerLink = try await fixture.link(for: fixture.manager)
        let deskLink = try await fixture.link(for: fixture.desk)
        try await fixture.app().test(.router) { client in
            let cookie = try await client.execute(uri: "/console/login/\(managerLink)", method: .get) { try #require(sessionCookie($0)) }
            try await client.execute(uri: "/console/forecast?period=2026Q4", method: .get, headers: [.cookie: cookie]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("data-row=\"North\""))
                #expect(!page.contains("South"))
                #expect(page.contains("data-figure=\"commit\" data-amount=\"1234.50\""))
            }
            try await client.execute(uri: "/console/forecast?period=2026Q4&territory=\(fixture.south.id)", method: .get, headers: [.cookie: cookie]) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("not in your scope"))
            }
            try await client.execute(uri: "/console/forecast/deals?period=2026Q4&territory=\(fixture.north.id)&figure=commit", method: .get,
                                     headers: [.cookie: cookie]) { response in
                let page = String(buffer: response.body)
                #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; GmbH"))
                #expect(!page.contains("<script>alert(1)"))
                #expect(page.contains("data-amount=\"1234.50\""))
            }
            try await client.execute(uri: "/console/orders", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .forbidden) }

            let desk = try await client.execute(uri: "/console/login/\(deskLink)", method: .get) { try #require(sessionCookie($0)) }
            try await client.execute(uri: "/console", method: .get, headers: [.cookie: desk]) { #expect($0.headers[.location] == "/console/orders") }
            try await client.execute(uri: "/console/orders", method: .get, headers: [.cookie: desk]) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body).contains("No orders here."))
            }
            try await client.execute(uri: "/console/pipeline", method: .get, headers: [.cookie: desk]) { #expect($0.status == .forbidden) }
        }
    }
}
