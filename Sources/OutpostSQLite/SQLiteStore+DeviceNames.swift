import GRDB
public import OutpostModel
public import OutpostStore

extension SQLiteStore {
    /// The replica number of every enrolled device (what conflicts and sync logs name).
    public func deviceNumbers() async throws(StoreError) -> [DeviceID: Int] {
        try await read("listing device numbers") { db in
            var numbers: [DeviceID: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT device_id, number FROM sync_device") {
                numbers[try DeviceID.decode(row[0], "sync_device", "device_id")] = row[1]
            }
            return numbers
        }
    }
}
