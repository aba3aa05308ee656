/// Removes HTTP body framing (content length, chunks, or read-to-close) from received bytes.
struct HTTPBodyDecoder {
    private enum Mode {
        case contentLength(remaining: Int)
        case chunked(ChunkedDecoder)
        case untilClose
    }

    private var mode: Mode

    init(_ framing: HTTPResponseHead.BodyFraming) {
        mode =
            switch framing {
            case .contentLength(let length): .contentLength(remaining: length)
            case .chunked: .chunked(ChunkedDecoder())
            case .untilClose: .untilClose
            }
    }

    /// Whether the body has ended by its framing (never for read-to-close bodies).
    var isComplete: Bool {
        switch mode {
        case .contentLength(let remaining): remaining == 0
        case .chunked(let decoder): decoder.isComplete
        case .untilClose: false
        }
    }

    /// Whether the body ends when the connection closes.
    var endsAtClose: Bool {
        if case .untilClose = mode { true } else { false }
    }

    /// Consumes raw bytes and returns the body bytes among them.
    mutating func decode(_ input: ArraySlice<UInt8>) throws(MalformedHTTP) -> ArraySlice<UInt8> {
        switch mode {
        case .contentLength(let remaining):
            let take = min(remaining, input.count)
            mode = .contentLength(remaining: remaining - take)
            return input.prefix(take)
        case .chunked(var decoder):
            let data = try decoder.decode(input)
            mode = .chunked(decoder)
            return data[...]
        case .untilClose:
            return input
        }
    }
}
