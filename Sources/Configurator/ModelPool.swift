/// Recent satisfying assignments of a model, reused by later propagations: a model that
/// agrees with the new choices proves, without a SAT call, that each of its values is
/// possible.
struct ModelPool {
    /// How many models are kept (the most recent ones).
    static let capacity = 32
    private var models: [[Bool]] = []
    private var next = 0

    /// Remembers `model` (indexed by variable), replacing the oldest when full.
    mutating func add(_ model: [Bool]) {
        if models.count < Self.capacity {
            models.append(model)
        } else {
            models[next] = model
            next = (next + 1) % Self.capacity
        }
    }

    /// The kept models in which every literal of `choices` is true.
    func models(satisfying choices: [Int32]) -> [[Bool]] {
        models.filter { model in choices.allSatisfy { model[Int($0.magnitude)] == ($0 > 0) } }
    }
}
