/// Why the hub turns a whole request away before applying anything of it.
public enum RequestRefusal: Error, Sendable, Equatable {
    /// No device is enrolled under this number.
    case unknownDevice(UInt32)
    /// The request counter is not above the last one accepted: a replay.
    case replayed(last: UInt64)
    /// The device sent more requests than its burst allows; it may retry after `wait`.
    case rateLimited(wait: Duration, burst: Int)
    /// The request carries more writes than one request may.
    case tooManyWrites(count: Int, limit: Int)
}
