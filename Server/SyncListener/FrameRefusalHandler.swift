public import ByteCoding

/// Turns a request refused from its length prefix or size into the payload to answer
/// with (`nil`: no answer, the connection closes). The sync service answers with a
/// protocol error frame, so a device learns why instead of seeing a dropped link.
public typealias FrameRefusalHandler = @Sendable (FrameError) -> [UInt8]?
