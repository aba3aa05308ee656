import MergeEngine
import MergeWorkloads

/// Prints field merges per second and metadata bytes per record for MergeEngine and
/// the naive full-vector-clock baseline, side by side, measured in the same run.
func measure(_ body: () -> Void) -> Double {
    let clock = ContinuousClock()
    var iterations = 0
    let start = clock.now
    var elapsed = Duration.zero
    while elapsed < .milliseconds(700) {
        for _ in 0..<64 { body() }
        iterations += 64
        elapsed = clock.now - start
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Double(iterations) / seconds
}

var sink = 0
print("writers | MergeEngine field merges/s | naive field merges/s | speed-up | MergeEngine bytes | naive bytes | size ratio")
for writers in [100, 1_000, 10_000] {
    let workload = Workload(writers: writers)
    let engine = measure { sink &+= workload.mergeEngineJoin().fields.count } * Double(Workload.fieldCount)
    let naive = measure { sink &+= workload.naiveMerge().fields.count } * Double(Workload.fieldCount)
    let engineBytes = workload.mergeEngineBytes
    let naiveBytes = workload.naiveBytes
    print(
        "\(writers) | \(Int(engine)) | \(Int(naive)) | \(Int(engine / naive + 0.5))x | \(engineBytes) | \(naiveBytes) | \(naiveBytes / max(engineBytes, 1))x")
}
if sink == 42 { print("") }
