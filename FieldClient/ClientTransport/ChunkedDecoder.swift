/// Decodes an HTTP/1.1 chunked body incrementally: feed raw bytes, get the data bytes.
struct ChunkedDecoder {
    private enum State {
        case size(line: [UInt8])
        case data(remaining: Int)
        case dataEnd(remaining: Int)
        case trailer(line: [UInt8])
        case complete
    }

    private var state = State.size(line: [])

    /// Whether the last chunk and the trailer have been read.
    var isComplete: Bool {
        if case .complete = state { true } else { false }
    }

    /// Consumes `input` and returns the data bytes it contained; bytes after the end are ignored.
    mutating func decode(_ input: ArraySlice<UInt8>) throws(MalformedHTTP) -> [UInt8] {
        var output: [UInt8] = []
        var index = input.startIndex
        while index < input.endIndex {
            switch state {
            case .size(var line):
                let byte = input[index]
                index += 1
                guard byte == 10 else {
                    line.append(byte)
                    guard line.count <= 80 else { throw MalformedHTTP("chunk size line too long") }
                    state = .size(line: line)
                    continue
                }
                let size = try Self.chunkSize(line)
                state = size == 0 ? .trailer(line: []) : .data(remaining: size)
            case .data(let remaining):
                let take = min(remaining, input.endIndex - index)
                output.append(contentsOf: input[index..<index + take])
                index += take
                state = take == remaining ? .dataEnd(remaining: 2) : .data(remaining: remaining - take)
            case .dataEnd(let remaining):
                let expected: UInt8 = remaining == 2 ? 13 : 10
                guard input[index] == expected else { throw MalformedHTTP("chunk not followed by CRLF") }
                index += 1
                state = remaining == 2 ? .dataEnd(remaining: 1) : .size(line: [])
            case .trailer(var line):
                let byte = input[index]
                index += 1
                guard byte == 10 else {
                    line.append(byte)
                    guard line.count <= HTTPResponseHead.maxBytes else { throw MalformedHTTP("trailer too long") }
                    state = .trailer(line: line)
                    continue
                }
                state = line == [13] || line.isEmpty ? .complete : .trailer(line: [])
            case .complete:
                return output
            }
        }
        return output
    }

    /// The hexadecimal size at the start of `line` (`\r` and `;extensions` ignored).
    private static func chunkSize(_ line: [UInt8]) throws(MalformedHTTP) -> Int {
        let digits = line.prefix { $0 != 13 && $0 != 59 && $0 != 32 }  // up to CR, ";" or space
        guard !digits.isEmpty, digits.count <= 15, let size = Int(String(decoding: digits, as: UTF8.self), radix: 16)
        else { throw MalformedHTTP("bad chunk size line") }
        return size
    }
}
