/// Where a device syncs: the hub's native TCP port or its HTTP sync route.
///
/// ```swift
/// try SyncEndpoint(parsing: "tcp://hq.example.com:8081")
/// try SyncEndpoint(parsing: "http://10.0.0.5:8080/sync")
/// ```
public enum SyncEndpoint: Sendable, Equatable, CustomStringConvertible {
    /// Native framing straight on a TCP connection.
    case tcp(host: String, port: Int)
    /// One HTTP/1.1 `POST` to `path` (which starts with `/`) carrying the same frames.
    case http(host: String, port: Int, path: String)

    /// Parses `tcp://HOST:PORT` or `http://HOST[:PORT][/PATH]` (port 80 and path `/`
    /// by default). IPv6 hosts are written in brackets: `tcp://[::1]:8081`.
    ///
    /// - Throws: ``EndpointError`` naming what is wrong with `text`.
    public init(parsing text: String) throws(EndpointError) {
        guard let schemeEnd = text.firstRange(of: "://") else { throw .missingScheme(text) }
        let scheme = text[..<schemeEnd.lowerBound].lowercased()
        let rest = text[schemeEnd.upperBound...]
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let path = rest[authority.endIndex...]
        switch scheme {
        case "tcp":
            guard path.isEmpty || path == "/" else { throw .unexpectedPath(text) }
            let (host, port) = try Self.hostAndPort(authority, defaultPort: nil, in: text)
            self = .tcp(host: host, port: port)
        case "http":
            guard !path.contains("#") else { throw .unexpectedFragment(text) }
            let (host, port) = try Self.hostAndPort(authority, defaultPort: 80, in: text)
            self = .http(host: host, port: port, path: path.isEmpty ? "/" : String(path))
        default:
            throw .unsupportedScheme(scheme, in: text)
        }
    }

    /// The host to connect to (without IPv6 brackets).
    public var host: String {
        switch self {
        case .tcp(let host, _), .http(let host, _, _): host
        }
    }

    /// The port to connect to.
    public var port: Int {
        switch self {
        case .tcp(_, let port), .http(_, let port, _): port
        }
    }

    /// `host:port` as written in a URL or a `Host` header (IPv6 in brackets).
    var authority: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    public var description: String {
        switch self {
        case .tcp: "tcp://\(authority)"
        case .http(_, _, let path): "http://\(authority)\(path)"
        }
    }

    private static func hostAndPort(
        _ authority: Substring,
        defaultPort: Int?,
        in text: String
    ) throws(EndpointError) -> (String, Int) {
        guard !authority.contains("@") else { throw .unexpectedUserInfo(text) }
        let host: Substring
        let portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .missingHost(text) }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { throw .invalidPort(String(after), in: text) }
            portText = after.isEmpty ? nil : after.dropFirst()
        } else if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            host = authority
            portText = nil
        }
        guard !host.isEmpty else { throw .missingHost(text) }
        guard let portText else {
            guard let defaultPort else { throw .missingPort(text) }
            return (String(host), defaultPort)
        }
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw .invalidPort(String(portText), in: text)
        }
        return (String(host), port)
    }
}
