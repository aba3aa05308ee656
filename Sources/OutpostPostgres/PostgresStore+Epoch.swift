public import OutpostStore
import PostgresNIO

extension PostgresStore {
    /// The change sequence value the current epoch started from (0: never restored).
    public func epochStartSequence() async throws(StoreError) -> UInt64 {
        try await read("reading the server's epoch") { [logger] connection in
            let rows = try await connection.query("SELECT start_sequence FROM server_epoch WHERE id = 1", logger: logger)
            for try await start in rows.decode(Int64.self) { return UInt64(clamping: start) }
            return 0
        }
    }
}
