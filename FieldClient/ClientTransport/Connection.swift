import Glibc

/// A connected blocking TCP socket that counts every byte it moves.
///
/// Each send or receive waits at most the timeout given at connection
/// (`SO_SNDTIMEO`/`SO_RCVTIMEO`, which also bound `connect` on Linux).
struct Connection: ~Copyable {
    private let descriptor: Int32
    private let timeout: Duration
    private var readBuffer = [UInt8](repeating: 0, count: 64 * 1024)
    /// Bytes written and read so far.
    private(set) var counters = TransportCounters()

    /// Resolves `host` and connects to the first address that accepts.
    init(host: String, port: Int, timeout: Duration) throws(TransportError) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let list else {
            let detail = String(cString: gai_strerror(status))
            throw TransportError(.unresolvedHost(host, detail: detail), counters: TransportCounters())
        }
        defer { freeaddrinfo(list) }

        var lastErrno: Int32 = ECONNREFUSED
        var candidate: UnsafeMutablePointer<addrinfo>? = list
        while let address = candidate {
            candidate = address.pointee.ai_next
            let socketDescriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
            guard socketDescriptor >= 0 else {
                lastErrno = errno
                continue
            }
            Self.setTimeouts(socketDescriptor, timeout)
            if Glibc.connect(socketDescriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) == 0 {
                self.descriptor = socketDescriptor
                self.timeout = timeout
                return
            }
            lastErrno = errno
            close(socketDescriptor)
        }
        let reason: TransportError.Reason =
            switch lastErrno {
            case ECONNREFUSED: .connectionRefused(host: host, port: port)
            case EINPROGRESS, EAGAIN, ETIMEDOUT: .timedOut(seconds: Self.seconds(timeout))
            default: .socket(operation: "connect to \(host):\(port)", errno: lastErrno)
            }
        throw TransportError(reason, counters: TransportCounters())
    }

    deinit {
        close(descriptor)
    }

    /// Writes all of `bytes`, counting each byte the kernel accepts.
    mutating func send(_ bytes: [UInt8]) throws(TransportError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                throw failure(for: code, operation: "send")
            }
            offset += written
            counters.bytesUp += written
        }
    }

    /// Reads what is available (at least one byte); empty at end of stream.
    mutating func receive() throws(TransportError) -> ArraySlice<UInt8> {
        while true {
            let count = readBuffer.withUnsafeMutableBytes { buffer in
                recv(descriptor, buffer.baseAddress, buffer.count, 0)
            }
            if count >= 0 {
                counters.bytesDown += count
                return readBuffer[..<count]
            }
            let code = errno
            if code != EINTR { throw failure(for: code, operation: "receive") }
        }
    }

    /// An error carrying this connection's counters.
    func failure(_ reason: TransportError.Reason) -> TransportError {
        TransportError(reason, counters: counters)
    }

    /// The error `errno` means here: the peer went away, or the timeout passed.
    private func failure(for code: Int32, operation: String) -> TransportError {
        switch code {
        case EAGAIN, EWOULDBLOCK: failure(.timedOut(seconds: Self.seconds(timeout)))
        case ECONNRESET, EPIPE, ECONNABORTED: failure(.connectionClosed(bytesReceived: counters.bytesDown))
        default: failure(.socket(operation: operation, errno: code))
        }
    }

    private static func setTimeouts(_ descriptor: Int32, _ timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        var value = timeval(tv_sec: Int(seconds), tv_usec: Int(attoseconds / 1_000_000_000_000))
        if value.tv_sec == 0, value.tv_usec == 0 { value.tv_usec = 1 }  // zero would mean "wait forever"
        let size = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &value, size)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &value, size)
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
