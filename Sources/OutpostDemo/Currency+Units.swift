import OutpostModel

extension Currency {
    /// How many minor units make one unit: 100 for EUR.
    var minorUnitsPerUnit: Int64 {
        (0..<scale).reduce(1) { result, _ in result * 10 }
    }
}
