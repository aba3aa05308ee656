import HTTPTypes
import Hummingbird
import OutpostModel

/// The frame every console page shares: inline CSS (no external file, font or CDN),
/// a navigation bar for the signed-in user's role, and one message line.
struct ConsolePage {
    /// The tab a page belongs to.
    enum Tab: String, CaseIterable {
        case forecast = "Forecast", pipeline = "Pipeline", approvals = "Approvals", orders = "Order desk"

        var path: String {
            switch self {
            case .forecast: "/console/forecast"
            case .pipeline: "/console/pipeline"
            case .approvals: "/console/approvals"
            case .orders: "/console/orders"
            }
        }

        /// The tabs a role sees: managers their territories' pages, the desk its queue.
        static func visible(to role: Role) -> [Tab] {
            role == .desk ? [.orders] : [.forecast, .pipeline, .approvals]
        }
    }

    var title: String
    var tab: Tab?
    var user: User?
    var csrf: String?
    var notice: String?
    var error: String?
    var body: HTML

    /// The page as an HTML response.
    func response(status: HTTPResponse.Status = .ok) -> Response {
        var navigation = HTML(raw: "")
        if let user {
            let tabs = Tab.visible(to: user.role).map { item in
                HTML(raw: "<a href=\"\(item.path)\"\(item == tab ? " class=\"here\" aria-current=\"page\"" : "")>\(text: item.rawValue)</a>")
            }
            let signOut = csrf.map { token in
                HTML(raw: """
                    <form method="post" action="/console/sign-out" class="inline">\(html: Self.csrfField(token))\
                    <button type="submit" class="link">Sign out</button></form>
                    """)
            } ?? HTML(raw: "")
            navigation = HTML(raw: """
                <nav>\(html: HTML.join(tabs))<span class="who">\(text: user.displayName) · \(text: user.role.rawValue)</span>\(html: signOut)</nav>
                """)
        }
        let messages = [notice.map { "<p class=\"notice\" role=\"status\">\(text: $0)</p>" },
                        error.map { "<p class=\"error\" role=\"alert\">\(text: $0)</p>" }].compactMap { $0 }.joined()
        let page = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(text: title) · Outpost</title>
            <style>\(Self.style)</style></head>
            <body><header><strong class="brand">Outpost</strong>\(html: navigation)</header>
            <main><h1>\(text: title)</h1>\(messages)\(html: body)</main></body></html>
            """
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"]
        headers[.contentSecurityPolicy] = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    /// The hidden field that carries the session's anti-forgery token in every form.
    static func csrfField(_ token: String) -> HTML {
        HTML(raw: "<input type=\"hidden\" name=\"csrf\" value=\"\(text: token)\">")
    }

    /// Readable on a laptop and a tablet, in the system's own fonts.
    static let style = """
        :root{--ink:#1d2430;--muted:#5b6574;--line:#d9dee5;--bg:#f6f7f9;--accent:#1f5fbf;--closed:#1b7f4b;--commit:#2f6fd0;\
        --best:#8fb3ea;--pipe:#d5e2f6;--quota:#c0392b}
        *{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
        header{display:flex;flex-wrap:wrap;align-items:center;gap:1rem;padding:.6rem 1.2rem;background:#fff;border-bottom:1px solid var(--line)}
        .brand{font-size:1.1rem;letter-spacing:.02em}nav{display:flex;flex-wrap:wrap;align-items:center;gap:.9rem;flex:1}
        nav a{color:var(--muted);text-decoration:none;padding:.2rem 0}nav a.here{color:var(--ink);border-bottom:2px solid var(--accent)}
        .who{margin-left:auto;color:var(--muted)}main{max-width:1180px;margin:0 auto;padding:1rem 1.2rem 3rem}
        h1{font-size:1.45rem;margin:.4rem 0 1rem}h2{font-size:1.1rem;margin:1.6rem 0 .5rem}h3{font-size:1rem;margin:1rem 0 .4rem}
        a{color:var(--accent)}.muted{color:var(--muted)}.inline{display:inline}
        .card{background:#fff;border:1px solid var(--line);border-radius:8px;padding:1rem;margin:0 0 1rem;overflow-x:auto}
        table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}th,td{padding:.35rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
        th{font-weight:600;color:var(--muted);font-size:.85rem}td.num,th.num{text-align:right;white-space:nowrap}
        .notice{background:#e7f5ec;border:1px solid #b7dfc5;padding:.5rem .8rem;border-radius:6px}
        .error{background:#fdecea;border:1px solid #f5c2bd;padding:.5rem .8rem;border-radius:6px}
        form.row{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:.3rem 0}label{display:flex;flex-direction:column;font-size:.85rem;color:var(--muted)}
        input,select,textarea,button{font:inherit;padding:.3rem .5rem;border:1px solid var(--line);border-radius:5px;background:#fff;color:var(--ink)}
        button{background:var(--accent);color:#fff;border-color:var(--accent);cursor:pointer}button.secondary{background:#fff;color:var(--accent)}
        button.danger{background:#fff;color:#b3261e;border-color:#e0a39e}button.link{background:none;border:none;color:var(--accent);padding:0}
        .legend{display:flex;flex-wrap:wrap;gap:1rem;font-size:.85rem;color:var(--muted);margin:.2rem 0 .6rem}
        .swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.3rem;vertical-align:-1px}
        svg text{font:12px system-ui,sans-serif;fill:var(--ink)}svg .axis{stroke:var(--line)}
        .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:1rem}
        .status{display:inline-block;padding:.05rem .45rem;border-radius:10px;font-size:.8rem;background:#eef1f5}
        .status.submitted{background:#fff4d6}.status.accepted{background:#e2efff}.status.rejected{background:#fde3e0}.status.fulfilled{background:#e3f4e9}
        @media (max-width:700px){main{padding:.6rem}td,th{padding:.3rem}}
        """
}
