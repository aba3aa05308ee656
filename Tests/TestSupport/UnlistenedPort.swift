internal import Glibc

/// A loopback port bound by a socket that never listens: a connection to it is refused,
/// and no other test's listener can take the port while this holds it (a listener shut
/// down to free its port can have the port reused by a test running alongside).
public final class UnlistenedPort: Sendable {
    private let fd: Int32
    /// The port, on 127.0.0.1.
    public let port: Int

    /// Binds a new socket to a port of the kernel's choice on 127.0.0.1; nil if it cannot.
    public init?() {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else {
            close(fd)
            return nil
        }
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    deinit { close(fd) }
}
