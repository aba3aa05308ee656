import ByteCoding
import Foundation
import GRDB
import MergeEngine
import OutpostProtocol

/// The `pending` table: writes made on this device and not yet processed by the
/// server. Writes are stored in the wire encoding of SPEC.md §5, sealed.
struct PendingStore {
    /// Seals and opens the `write` column.
    let cipher: ReplicaCipher

    func writes(_ db: Database, of record: RecordID? = nil, limit: Int = .max) throws -> [Write] {
        let device = try DeviceIdentity.require(db, cipher: cipher).replicaID
        let rows: [Row]
        if let record {
            rows = try Row.fetchAll(db.cachedStatement(sql: "SELECT counter, record, write FROM pending WHERE record = ? ORDER BY counter"),
                                    arguments: [Data(record.bytes)])
        } else {
            rows = try Row.fetchAll(db, sql: "SELECT counter, record, write FROM pending ORDER BY counter LIMIT ?", arguments: [limit])
        }
        return try rows.map { row in
            let counter = UInt64(row[0] as Int64)
            let record = try RecordID(bytes: [UInt8](row[1] as Data))
            let bytes = try cipher.open(row[2], .pendingWrite(counter: counter, record: record))
            return try Self.decode(bytes, counter: counter, device: device)
        }
    }

    func insert(_ db: Database, _ write: Write) throws {
        let sealed = try cipher.seal(Self.encode(write), .pendingWrite(counter: write.dot.counter, record: write.record))
        try db.execute(sql: "INSERT INTO pending (counter, record, write) VALUES (?, ?, ?)",
                       arguments: [Int64(write.dot.counter), Data(write.record.bytes), sealed])
    }

    func remove(_ db: Database, counter: UInt64) throws {
        try db.execute(sql: "DELETE FROM pending WHERE counter = ?", arguments: [Int64(counter)])
    }

    /// One write alone: the same bytes as in a request, with the counter stored aside.
    static func encode(_ write: Write) -> [UInt8] {
        var writer = ByteWriter()
        var alone = write
        alone.dot.counter = 1
        WriteCodec.write([alone], hub: ReplicaID.hub, to: &writer)
        return writer.bytes
    }

    static func decode(_ bytes: [UInt8], counter: UInt64, device: ReplicaID) throws -> Write {
        var reader = ByteReader<ProtocolError>(bytes)
        do {
            guard var write = try WriteCodec.read(from: &reader, device: device, hub: ReplicaID.hub).first else {
                throw ReplicaError(.corrupt, "a pending write is empty")
            }
            write.dot.counter = counter
            return write
        } catch let error as ProtocolError {
            throw ReplicaError(.corrupt, "pending write \(counter) is unreadable: \(error.message)")
        }
    }
}
