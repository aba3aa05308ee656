/// Answers one sync on the connection's own task: takes the request payload and hands
/// each response payload to `send`.
///
/// `send` returns once the transport has taken the payload (it suspends while the
/// socket has no room, so a slow device slows production instead of filling memory)
/// and throws once the connection is gone: stop producing then. The transport frames
/// each payload and closes the connection when the handler returns; a thrown error
/// closes it after the payloads already sent, which the device sees as a dropped transfer.
public typealias SyncHandler = @Sendable (_ request: [UInt8], _ send: @escaping ResponseSender) async throws -> Void

/// Hands one response payload to the transport; returns once it is taken, throws once
/// the transport can take no more.
public typealias ResponseSender = @Sendable (_ payload: [UInt8]) async throws -> Void
