public import Foundation

/// The compact clause encoding of `ConfiguratorModel.clauses`, the same in both
/// backends: each clause's literals as little-endian int32, terminated by 0 (the
/// DIMACS convention), so `[[1, -2], [3]]` is `1 -2 0 3 0`.
public enum ClauseBlob {
    /// `[[1, -2], [3]]` → the bytes of int32 `1 -2 0 3 0`, little-endian.
    public static func encode(_ clauses: [[Int32]]) -> Data {
        var data = Data(capacity: clauses.reduce(0) { $0 + ($1.count + 1) * 4 })
        for clause in clauses {
            for literal in clause { withUnsafeBytes(of: literal.littleEndian) { data.append(contentsOf: $0) } }
            withUnsafeBytes(of: Int32(0).littleEndian) { data.append(contentsOf: $0) }
        }
        return data
    }

    /// The inverse of `encode`.
    /// - Throws: `.database` when the blob is not whole int32s ending in 0.
    public static func decode(_ data: Data, table: String) throws(StoreError) -> [[Int32]] {
        guard data.count % 4 == 0 else {
            throw unreadable(table, "holds \(data.count) bytes, not a whole number of int32 literals")
        }
        var clauses: [[Int32]] = []
        var current: [Int32] = []
        data.withUnsafeBytes { raw in
            for offset in stride(from: 0, to: raw.count, by: 4) {
                let literal = Int32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: Int32.self))
                if literal == 0 {
                    clauses.append(current)
                    current = []
                } else {
                    current.append(literal)
                }
            }
        }
        guard current.isEmpty else { throw unreadable(table, "the last clause is not terminated by 0") }
        return clauses
    }

    private static func unreadable(_ table: String, _ detail: String) -> StoreError {
        StoreError(.database, "the database holds an unreadable value in \(table).clauses: \(detail); restore a backup")
    }
}
