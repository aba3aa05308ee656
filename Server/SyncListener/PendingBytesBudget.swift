import Synchronization

/// The bytes a server may hold for requests it has not yet authenticated, shared by
/// every connection of both transports.
///
/// A request reserves its announced length before its body is buffered and gives it
/// back once it is answered or its connection closes; a reservation that does not fit
/// is refused, so many half-sent bodies cannot add up to more than the budget. The
/// first `smallRequestBytes` of every request are free: a steady-state sync is a few
/// hundred bytes, and the connection caps already bound what small requests can hold,
/// so an attacker who spends the budget on large bodies cannot turn devices away.
///
/// ```swift
/// let budget = PendingBytesBudget(limit: 64 << 20)
/// guard let reservation = budget.reserve(4 << 20) else { /* refuse: server busy */ }
/// defer { reservation.release() }
/// ```
public final class PendingBytesBudget: Sendable {
    /// The most bytes reserved at once.
    public let limit: Int
    /// The bytes of each request that are not charged.
    public let smallRequestBytes: Int
    private let reserved = Mutex(0)

    /// A budget of `limit` bytes, each request's first `smallRequestBytes` free.
    public init(limit: Int, smallRequestBytes: Int = 64 << 10) {
        self.limit = limit
        self.smallRequestBytes = smallRequestBytes
    }

    /// Reserves a request of `bytes`; `nil` when its charged part does not fit in what is left.
    public func reserve(_ bytes: Int) -> Reservation? {
        let reservation = Reservation(budget: self)
        return reservation.grow(by: bytes) ? reservation : nil
    }

    /// The bytes reserved now.
    public var inUse: Int { reserved.withLock { $0 } }

    fileprivate func take(_ bytes: Int) -> Bool {
        reserved.withLock { reserved in
            guard bytes >= 0, bytes <= limit - reserved else { return false }
            reserved += bytes
            return true
        }
    }

    fileprivate func giveBack(_ bytes: Int) {
        reserved.withLock { $0 -= bytes }
    }

    /// One request's reserved bytes: grown with ``grow(by:)`` while a body without an
    /// announced length arrives, given back once by ``release()`` (or when dropped).
    public final class Reservation: Sendable {
        private let budget: PendingBytesBudget
        private let state = Mutex<(requested: Int, charged: Int, released: Bool)>((0, 0, false))

        fileprivate init(budget: PendingBytesBudget) {
            self.budget = budget
        }

        deinit { release() }

        /// Adds `bytes` to the request; `false` (nothing more taken) when its charged part does not fit.
        public func grow(by bytes: Int) -> Bool {
            state.withLock { state in
                guard !state.released, bytes >= 0 else { return false }
                let charge = max(0, state.requested + bytes - budget.smallRequestBytes) - state.charged
                guard budget.take(charge) else { return false }
                state.requested += bytes
                state.charged += charge
                return true
            }
        }

        /// Gives the bytes back.
        public func release() {
            let charged = state.withLock { state -> Int in
                guard !state.released else { return 0 }
                state.released = true
                return state.charged
            }
            if charged > 0 { budget.giveBack(charged) }
        }
    }
}
