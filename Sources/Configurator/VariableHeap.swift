/// The VSIDS decision order: a binary max-heap of variables keyed by activity.
///
/// Bumping a variable raises its activity by the current increment; the increment grows
/// after every conflict, so recent conflicts weigh more (exponential decay of older ones).
struct VariableHeap {
    private(set) var activity: [Double]
    private var increment = 1.0
    private var heap: [Int32] = []
    /// Position of each variable in `heap`, or -1 when it is not in the heap.
    private var position: [Int32]

    /// A heap holding variables `1...variableCount`, all with activity 0.
    init(variableCount: Int) {
        activity = Array(repeating: 0, count: variableCount + 1)
        position = Array(repeating: -1, count: variableCount + 1)
        heap.reserveCapacity(variableCount)
        for variable in stride(from: 1, through: variableCount, by: 1) { insert(variable) }
    }

    var isEmpty: Bool { heap.isEmpty }

    /// Adds `variable` if it is not in the heap.
    mutating func insert(_ variable: Int) {
        guard position[variable] < 0 else { return }
        position[variable] = Int32(heap.count)
        heap.append(Int32(variable))
        siftUp(heap.count - 1)
    }

    /// Removes and returns the variable of highest activity.
    mutating func removeMax() -> Int {
        let top = Int(heap[0])
        let last = heap.removeLast()
        position[top] = -1
        if !heap.isEmpty {
            heap[0] = last
            position[Int(last)] = 0
            siftDown(0)
        }
        return top
    }

    /// Raises `variable`'s activity, rescaling all activities when they grow too large.
    mutating func bump(_ variable: Int) {
        activity[variable] += increment
        if activity[variable] > 1e100 {
            for index in activity.indices { activity[index] *= 1e-100 }
            increment *= 1e-100
        }
        if position[variable] >= 0 { siftUp(Int(position[variable])) }
    }

    /// Makes later bumps weigh more than earlier ones (activity decay by `factor`).
    mutating func decay(by factor: Double) {
        increment /= factor
    }

    private mutating func siftUp(_ start: Int) {
        var index = start
        let variable = heap[index]
        let key = activity[Int(variable)]
        while index > 0 {
            let parent = (index - 1) >> 1
            let above = heap[parent]
            guard activity[Int(above)] < key else { break }
            heap[index] = above
            position[Int(above)] = Int32(index)
            index = parent
        }
        heap[index] = variable
        position[Int(variable)] = Int32(index)
    }

    private mutating func siftDown(_ start: Int) {
        var index = start
        let variable = heap[index]
        let key = activity[Int(variable)]
        let count = heap.count
        while true {
            var child = 2 * index + 1
            guard child < count else { break }
            if child + 1 < count && activity[Int(heap[child + 1])] > activity[Int(heap[child])] { child += 1 }
            let below = heap[child]
            guard activity[Int(below)] > key else { break }
            heap[index] = below
            position[Int(below)] = Int32(index)
            index = child
        }
        heap[index] = variable
        position[Int(variable)] = Int32(index)
    }
}
