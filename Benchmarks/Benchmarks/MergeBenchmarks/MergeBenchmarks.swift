import Benchmark
import MergeEngine
import MergeWorkloads

/// Field merges per second and metadata bytes per record: MergeEngine next to a
/// naive full-vector-clock implementation, for records written by 100 / 1,000 /
/// 10,000 distinct devices. One benchmark iteration = one record merge of
/// `Workload.fieldCount` (8) fields, so field merges/s = 8 × throughput.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.throughput, .wallClock, .mallocCountTotal],
        maxDuration: .seconds(2),
        maxIterations: 1_000_000
    )
    let bytes = BenchmarkMetric.custom("metadata bytes/record", polarity: .prefersSmaller, useScalingFactor: false)

    for writers in [100, 1_000, 10_000] {
        let workload = Workload(writers: writers)
        Benchmark("MergeEngine join, \(writers) writers", configuration: .init(metrics: [.throughput, .wallClock, .mallocCountTotal, bytes])) { benchmark in
            benchmark.measurement(bytes, workload.mergeEngineBytes)
            for _ in benchmark.scaledIterations { blackHole(workload.mergeEngineJoin()) }
        }
        Benchmark("Naive vector clock merge, \(writers) writers", configuration: .init(metrics: [.throughput, .wallClock, .mallocCountTotal, bytes])) { benchmark in
            benchmark.measurement(bytes, workload.naiveBytes)
            for _ in benchmark.scaledIterations { blackHole(workload.naiveMerge()) }
        }
    }
    let hubWorkload = Workload(writers: 1_000)
    Benchmark("MergeEngine hub apply (stamp one write)") { benchmark in
        for _ in benchmark.scaledIterations {
            var state = hubWorkload.newer
            state.apply(hubWorkload.nextWrite, stamp: Dot(replica: ReplicaID(1), counter: 1_000_000))
            blackHole(state)
        }
    }
}
