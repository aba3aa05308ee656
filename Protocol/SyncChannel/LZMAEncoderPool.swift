import CLZMA
import Synchronization

/// liblzma encoder states kept for the next small response (``LZMAStreamEncoder``).
///
/// Setting up an encoder allocates its match finder's tables (about 4 MiB for the small
/// dictionary), and the kernel hands out fresh pages for them, zeroed one page fault at a
/// time: for the answer of a steady sync, that cost several times the compressing
/// itself. An encoder set up again over the same `lzma_stream` keeps its tables (liblzma
/// reuses them for the same filters) and only clears the hash, so a response borrows a
/// kept state and gives it back when it ends. Only states of the small dictionary are
/// kept: a bootstrap's 4 MiB encoder is tens of megabytes, set up once per transfer.
final class LZMAEncoderPool: Sendable {
    /// One liblzma stream state, owned by one encoder at a time.
    final class State: @unchecked Sendable {
        // Unchecked: the state is mutated only by the one encoder that borrowed it, and it
        // passes between threads only through the pool's lock (given back, then borrowed).
        var stream = lzma_stream()
        deinit { lzma_end(&stream) }
    }

    /// The pool of the process's response encoders.
    static let shared = LZMAEncoderPool(keeping: 8)

    /// The most idle states kept (about 4 MiB each); beyond that a state given back is freed.
    let keeping: Int
    private let idle = Mutex<[State]>([])

    /// A pool keeping at most `keeping` idle states.
    init(keeping: Int) {
        self.keeping = keeping
    }

    /// A state to set up an encoder over: a kept one, or a new one.
    func borrow() -> State {
        idle.withLock { $0.popLast() } ?? State()
    }

    /// Keeps `state` for a later response (or frees it when enough are kept).
    func giveBack(_ state: State) {
        idle.withLock { states in
            if states.count < keeping { states.append(state) }
        }
    }
}
