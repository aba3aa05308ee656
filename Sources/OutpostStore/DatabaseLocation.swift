public import Foundation

/// Where the server's data lives, as given by `--db` or `OUTPOST_DB`: a file path
/// means SQLite, a `postgres://` URL means PostgreSQL.
///
/// ```swift
/// try DatabaseLocation(parsing: "hq.sqlite")                              // .sqlite(path: "hq.sqlite")
/// try DatabaseLocation(parsing: "postgres://outpost@db.local:5432/hq")    // .postgres(…)
/// ```
public enum DatabaseLocation: Sendable, Hashable, CustomStringConvertible {
    /// One SQLite file (created by `init`).
    case sqlite(path: String)
    /// A PostgreSQL database (created by its administrator; `init` creates the schema).
    case postgres(PostgresLocation)

    /// Reads `--db`: a URL with a scheme (`postgres://`, `postgresql://`) or a file path.
    /// - Throws: ``DatabaseLocationError`` for an empty value, another scheme or a malformed URL.
    public init(parsing text: String) throws(DatabaseLocationError) {
        let lowered = text.lowercased()
        if text.isEmpty {
            throw DatabaseLocationError("the database is empty: give a file path (SQLite) or postgres://USER@HOST:PORT/DBNAME")
        }
        if lowered.hasPrefix("postgres:") || lowered.hasPrefix("postgresql:") {
            self = .postgres(try PostgresLocation(parsing: text))
        } else if let scheme = text.range(of: "://").map({ String(text[..<$0.lowerBound]) }),
                  !scheme.isEmpty, scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) {
            throw DatabaseLocationError("\(scheme):// databases are not supported: give a file path for SQLite "
                + "or postgres://USER[:PASSWORD]@HOST:PORT/DBNAME for PostgreSQL")
        } else {
            self = .sqlite(path: text)
        }
    }

    /// The location for messages: the path, or the URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }
}

/// A PostgreSQL database and how to log in to it, from
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DBNAME[?sslmode=disable|prefer|require]`.
///
/// User and password may be percent-encoded (`%40` for `@`); the port defaults to
/// 5432 and TLS to `prefer` (used when the server offers it).
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    /// Whether the connection uses TLS (libpq's `sslmode` names).
    public enum TLSMode: String, Sendable, Hashable, CaseIterable {
        /// Never.
        case disable
        /// When the server offers it.
        case prefer
        /// Always, with the server's certificate verified; refuse otherwise.
        case require
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    public init(host: String, port: Int = 5432, user: String, password: String? = nil, database: String, tls: TLSMode = .prefer) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// Parses a `postgres://` or `postgresql://` URL.
    /// - Throws: ``DatabaseLocationError`` naming what is missing or malformed.
    public init(parsing text: String) throws(DatabaseLocationError) {
        let form = "postgres://USER[:PASSWORD]@HOST:PORT/DBNAME"
        let redacted = Self.redacting(text)
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql", text.contains("://") else {
            throw DatabaseLocationError("\(redacted) is not a PostgreSQL URL; write it as \(form) "
                + "(percent-encode @, : and / in the user or password)")
        }
        guard let host = components.host, !host.isEmpty else {
            throw DatabaseLocationError("\(redacted) names no host; write it as \(form)")
        }
        guard let user = components.user, !user.isEmpty else {
            throw DatabaseLocationError("\(redacted) names no user; write it as \(form)")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw DatabaseLocationError("\(redacted) names no database (or more than one path segment); write it as \(form)")
        }
        let port = components.port ?? 5432
        guard (1...65535).contains(port) else {
            throw DatabaseLocationError("\(redacted) has port \(port); a port is between 1 and 65535")
        }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode", let value = item.value, let mode = TLSMode(rawValue: value) else {
                let modes = TLSMode.allCases.map(\.rawValue).joined(separator: ", ")
                throw DatabaseLocationError("\(redacted): the only URL parameter Outpost reads is sslmode (\(modes)); "
                    + "got \(item.name)\(item.value.map { "=\($0)" } ?? "")")
            }
            tls = mode
        }
        self.init(host: host, port: port, user: user, password: components.password, database: database, tls: tls)
    }

    /// The URL without its password, for messages and logs.
    public var description: String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.user = user
        components.host = host
        components.port = port
        components.path = "/" + database
        return components.string ?? "postgres://\(user)@\(host):\(port)/\(database)"
    }

    /// `text` with the password between `:` and `@` replaced by `***`.
    private static func redacting(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@"),
              let colon = text[scheme.upperBound..<at].firstIndex(of: ":") else { return text }
        return text[..<text.index(after: colon)] + "***" + text[at...]
    }
}

/// A `--db` value that names no database Outpost can use, with how to write one.
public struct DatabaseLocationError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
