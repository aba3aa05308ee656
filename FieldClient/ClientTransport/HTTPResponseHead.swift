/// The status line and the body framing of an HTTP/1.1 response.
struct HTTPResponseHead: Equatable {
    /// How the body's end is marked.
    enum BodyFraming: Equatable {
        case contentLength(Int)
        case chunked
        case untilClose
    }

    var status: Int
    var bodyFraming: BodyFraming

    /// The longest head accepted; the hub's is a few hundred bytes.
    static let maxBytes = 16 * 1024

    /// Index just past the `\r\n\r\n` ending the head in `bytes`, if it is all there.
    static func endIndex(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 3..<bytes.count
        where bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 {
            return index + 1
        }
        return nil
    }

    /// Parses a head (status line and headers, `\r\n\r\n` included).
    init(parsing bytes: ArraySlice<UInt8>) throws(MalformedHTTP) {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: true)[...]
        guard let statusLine = lines.popFirst() else { throw MalformedHTTP("empty response head") }
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/1."), let status = Int(parts[1]), (100...999).contains(status)
        else { throw MalformedHTTP("bad status line '\(statusLine.prefix(80))'") }
        self.status = status

        var framing = BodyFraming.untilClose
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { throw MalformedHTTP("bad header line '\(line.prefix(80))'") }
            let name = line[..<colon].lowercased()
            let value = Self.trimmed(line[line.index(after: colon)...]).lowercased()
            if name == "transfer-encoding" {
                guard value.hasSuffix("chunked") else { throw MalformedHTTP("unsupported transfer-encoding '\(value)'") }
                framing = .chunked
            } else if name == "content-length", framing != .chunked {
                guard let length = Int(value), length >= 0 else { throw MalformedHTTP("bad content-length '\(value)'") }
                framing = .contentLength(length)
            }
        }
        self.bodyFraming = (status == 204 || status == 304) ? .contentLength(0) : framing
    }

    private static func trimmed(_ value: Substring) -> Substring {
        var value = value
        while value.first == " " || value.first == "\t" { value.removeFirst() }
        while value.last == " " || value.last == "\t" { value.removeLast() }
        return value
    }
}

/// Why a response is not HTTP as this client speaks it.
struct MalformedHTTP: Error {
    let detail: String

    init(_ detail: String) {
        self.detail = detail
    }
}
