/// Answers one sync: takes the request payload and streams the response payloads.
///
/// The listener pulls the next payload only once the socket has room for the
/// previous one, so make the stream pull-driven (`AsyncThrowingStream(unfolding:)`)
/// and a slow device slows production instead of filling memory. The transport
/// frames each payload, and closes the connection when the stream finishes; a thrown
/// error closes it after the payloads already yielded, which the device sees as a
/// dropped transfer.
public typealias SyncHandler = @Sendable ([UInt8]) -> AsyncThrowingStream<[UInt8], any Error>
