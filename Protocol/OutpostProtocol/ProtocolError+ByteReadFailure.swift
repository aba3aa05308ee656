public import ByteCoding

/// Bytes the protocol's codecs cannot read become the error frame codes of SPEC.md §9.
extension ProtocolError: ByteReadFailure {
    /// The message ends early: `truncated`.
    public static func truncated(_ message: String) -> ProtocolError { ProtocolError(.truncated, message) }
    /// The message does not parse: `malformed`.
    public static func malformed(_ message: String) -> ProtocolError { ProtocolError(.malformed, message) }
}
