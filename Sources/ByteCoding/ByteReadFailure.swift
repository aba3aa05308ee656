/// The error a ``ByteReader`` throws: each byte format reports bad input in its own
/// error type (the protocol's error frame, a record's decoding problem), so the reader
/// builds that type directly instead of one every caller must translate.
public protocol ByteReadFailure: Error {
    /// The input ended where more was expected; `message` says where and what.
    static func truncated(_ message: String) -> Self
    /// The input does not parse (an over-long varint, a count over its limit, bad
    /// UTF-8, trailing bytes); `message` says where and what.
    static func malformed(_ message: String) -> Self
}
