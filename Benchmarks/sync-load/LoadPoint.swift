import Foundation
import Synchronization

/// What the devices do in a loop during one measured point.
enum Mix: String, CaseIterable, Sendable {
    /// A sync with nothing to send and (after the first) nothing to receive.
    case noop
    /// A logged call, then a sync carrying it (a durable write on the server).
    case write
    /// A whole-scope bootstrap, as a new device asks.
    case bootstrap

    func run(_ device: inout LoadDevice) throws -> LoadDevice.Exchange {
        switch self {
        case .noop: try device.syncNothing()
        case .write: try device.syncOneCall()
        case .bootstrap: try device.syncEverything()
        }
    }
}

/// One measured point: `devices.count` devices syncing back to back, each on its own
/// thread, for a while; the server's CPU time is read before and after.
struct LoadPoint {
    let mix: Mix
    let concurrency: Int
    let syncs: Int
    let seconds: Double
    let latencies: [Double]
    let serverCPU: Double
    let clientCPU: Double
    let bytesUp: Int
    let bytesDown: Int
    let records: Int
    let refused: Int
    let loadAverage: String

    /// Runs `mix` on every device of `devices` for `duration`, and hands the devices back (their counters moved on).
    static func measure(_ mix: Mix, devices: inout [LoadDevice], duration: Duration, server: ServerUnderLoad) throws -> LoadPoint {
        let results = Mutex<[(device: LoadDevice, latencies: [Double], exchange: LoadDevice.Exchange, syncs: Int, error: String?)]>([])
        let deadline = ContinuousClock.now + duration
        let done = DispatchGroup()
        let cpuBefore = try server.cpuSeconds()
        let clientBefore = Self.ownCPUSeconds()
        let start = ContinuousClock.now
        for device in devices {
            done.enter()
            let thread = Thread {
                var device = device
                var latencies: [Double] = []
                var total = LoadDevice.Exchange()
                var failure: String?
                repeat {
                    let began = ContinuousClock.now
                    do {
                        let exchange = try mix.run(&device)
                        latencies.append(Self.milliseconds(ContinuousClock.now - began))
                        total.bytesUp += exchange.bytesUp
                        total.bytesDown += exchange.bytesDown
                        total.records += exchange.records
                        total.refused += exchange.refused
                    } catch {
                        failure = "\(error)"
                        break
                    }
                } while ContinuousClock.now < deadline
                let finished = (device, latencies, total, latencies.count, failure)
                results.withLock { $0.append(finished) }
                done.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        done.wait()
        let elapsed = Self.milliseconds(ContinuousClock.now - start) / 1000
        let serverCPU = try server.cpuSeconds() - cpuBefore
        let clientCPU = Self.ownCPUSeconds() - clientBefore
        let collected = results.withLock { $0 }
        if let failure = collected.compactMap(\.error).first { throw LoadError("a device failed: \(failure)") }
        let byNumber = Dictionary(uniqueKeysWithValues: collected.map { ($0.device.number, $0.device) })
        devices = devices.map { byNumber[$0.number] ?? $0 }
        return LoadPoint(
            mix: mix, concurrency: devices.count, syncs: collected.map(\.syncs).reduce(0, +), seconds: elapsed,
            latencies: collected.flatMap(\.latencies).sorted(), serverCPU: serverCPU, clientCPU: clientCPU,
            bytesUp: collected.map(\.exchange.bytesUp).reduce(0, +), bytesDown: collected.map(\.exchange.bytesDown).reduce(0, +),
            records: collected.map(\.exchange.records).reduce(0, +), refused: collected.map(\.exchange.refused).reduce(0, +),
            loadAverage: Self.loadAverage())
    }

    /// The latency at quantile `q` (0…1), in milliseconds.
    func latency(_ q: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        return latencies[min(latencies.count - 1, Int((Double(latencies.count) * q).rounded(.down)))]
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    private static func ownCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    private static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }
}
