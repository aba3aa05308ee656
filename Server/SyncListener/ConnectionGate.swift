import Glibc
import Synchronization

/// Caps the connections a server holds open: in total (so file descriptors never run
/// out) and per remote address (so one client cannot take the slots of the others).
///
/// Both transports of a server share one gate, so its total bounds the whole process.
/// A connection over a cap is closed as soon as it is accepted, which frees its
/// descriptor at once instead of letting it wait in a queue.
///
/// ```swift
/// let gate = ConnectionGate(limits: ConnectionLimits(total: 512, perAddress: 32))
/// guard let ticket = gate.admit(address: "192.0.2.7") else { channel.close(); return }
/// channel.closeFuture.whenComplete { _ in ticket.release() }
/// ```
public final class ConnectionGate: Sendable {
    /// The caps this gate enforces.
    public let limits: ConnectionLimits
    private let state = Mutex(State())

    private struct State {
        var total = 0
        var byAddress: [String: Int] = [:]
    }

    /// A gate enforcing `limits`.
    public init(limits: ConnectionLimits) {
        self.limits = limits
    }

    /// Takes a slot for a connection from `address` (its IP, without port); `nil` when a
    /// cap is reached. Release the ticket when the connection closes.
    public func admit(address: String) -> Ticket? {
        let admitted = state.withLock { state -> Bool in
            let fromAddress = state.byAddress[address, default: 0]
            guard state.total < limits.total, fromAddress < limits.perAddress else { return false }
            state.total += 1
            state.byAddress[address] = fromAddress + 1
            return true
        }
        return admitted ? Ticket(gate: self, address: address) : nil
    }

    /// The connections open now (for logs and tests of the gate itself).
    public var openConnections: Int { state.withLock { $0.total } }

    fileprivate func release(address: String) {
        state.withLock { state in
            state.total -= 1
            let left = state.byAddress[address, default: 1] - 1
            state.byAddress[address] = left > 0 ? left : nil
        }
    }

    /// One admitted connection's slot; released once, however often ``release()`` is called.
    public final class Ticket: Sendable {
        private let gate: ConnectionGate
        private let address: String
        private let released = Atomic(false)

        fileprivate init(gate: ConnectionGate, address: String) {
            self.gate = gate
            self.address = address
        }

        /// Gives the slot back.
        public func release() {
            guard !released.exchange(true, ordering: .relaxed) else { return }
            gate.release(address: address)
        }
    }
}

/// How many connections a server holds open; set by `serve`'s flags.
public struct ConnectionLimits: Sendable, Equatable {
    /// Connections open at once, over both ports.
    public var total: Int
    /// Connections open at once from one remote address.
    public var perAddress: Int

    /// Creates limits; the default total leaves a quarter of the process's descriptor
    /// limit (`ulimit -n`) for the database, logs and the listening sockets.
    public init(total: Int = ConnectionLimits.defaultTotal, perAddress: Int = 32) {
        self.total = total
        self.perAddress = perAddress
    }

    /// Three quarters of the descriptor limit less 64, between 16 and 768.
    public static var defaultTotal: Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 768 }
        let descriptors = min(Int(clamping: limit.rlim_cur), 1 << 20)  // RLIM_INFINITY: plenty
        return max(16, min(768, (descriptors - 64) * 3 / 4))
    }
}
