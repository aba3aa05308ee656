internal import Glibc

/// A plain blocking TCP socket to a loopback port from a chosen loopback source address
/// (Linux answers all of 127.0.0.0/8), so a test can play several remote hosts: an
/// attacker from 127.0.0.2 and a device from 127.0.0.1. Sends never raise SIGPIPE and
/// give up after `sendTimeout`.
public final class LoopbackSocket: Sendable {
    private let fd: Int32

    /// Connects from `source` (port chosen by the kernel) to 127.0.0.1:`port`; `nil` when refused.
    public init?(from source: String, to port: Int, sendTimeoutMilliseconds: Int = 200) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        inet_pton(AF_INET, source, &local.sin_addr)
        var remote = sockaddr_in()
        remote.sin_family = sa_family_t(AF_INET)
        remote.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, "127.0.0.1", &remote.sin_addr)
        var timeout = timeval(tv_sec: sendTimeoutMilliseconds / 1000, tv_usec: (sendTimeoutMilliseconds % 1000) * 1000)
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bound = withUnsafePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        let connected = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, connected == 0 else {
            close(fd)
            return nil
        }
        self.fd = fd
    }

    deinit { close(fd) }

    /// Sends as much of `bytes` as the peer takes before an error or the send timeout;
    /// returns the number of bytes sent.
    @discardableResult
    public func send(_ bytes: [UInt8]) -> Int {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { break }
            sent += count
        }
        return sent
    }

    /// Whether the peer has closed the connection (or reset it) within `milliseconds`,
    /// discarding whatever it sent before.
    public func closedByPeer(within milliseconds: Int) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var waited = 0
        while waited <= milliseconds {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) >= 0 else { return true }
            waited += 50
            guard poller.revents != 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if count <= 0 { return true }
        }
        return false
    }

    /// Sends `request` and reads until the peer closes or `milliseconds` pass.
    public func exchange(_ request: [UInt8], within milliseconds: Int) -> [UInt8] {
        send(request)
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        var waited = 0
        while waited <= milliseconds {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 50) >= 0 else { break }
            waited += 50
            guard poller.revents != 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            answer += buffer[..<count]
        }
        return answer
    }
}
