public import ByteCoding
public import MergeEngine

/// A version vector: count, then `(replica, counter)` pairs ascending by replica.
/// Version vectors: a count, then (replica, counter) pairs ascending by replica.
public enum VectorCodec {
    public static func write(_ vector: VersionVector, to writer: inout ByteWriter) {
        writer.varint(vector.entries.count)
        for dot in vector.entries {
            writer.varint(UInt64(dot.replica.rawValue))
            writer.varint(dot.counter)
        }
    }

    public static func read<Failure: ByteReadFailure>(from reader: inout ByteReader<Failure>) throws(Failure) -> VersionVector {
        let count = try reader.count(max: min(reader.remaining / 2, 64), of: "vector size")
        var dots: [Dot] = []
        for _ in 0..<count {
            let replica = try ReplicaCodec.read(from: &reader)
            let counter = try reader.varint()
            if let last = dots.last, last.replica >= replica {
                throw Failure.malformed("vector entries at byte \(reader.offset) are not ascending by replica")
            }
            dots.append(Dot(replica: replica, counter: counter))
        }
        return VersionVector(dots)
    }
}

/// Replica ids and record types: varints that must fit their integer types.
public enum ReplicaCodec {
    public static func read<Failure: ByteReadFailure>(from reader: inout ByteReader<Failure>) throws(Failure) -> ReplicaID {
        let value = try reader.varint()
        guard value <= UInt64(UInt32.max) else { throw Failure.malformed("replica id \(value) exceeds 32 bits") }
        return ReplicaID(UInt32(value))
    }
}

/// Record type ids: varints that must fit 16 bits.
public enum TypeCodec {
    public static func read<Failure: ByteReadFailure>(from reader: inout ByteReader<Failure>) throws(Failure) -> RecordTypeID {
        let value = try reader.varint()
        guard value <= UInt64(UInt16.max) else { throw Failure.malformed("record type \(value) exceeds 16 bits") }
        return RecordTypeID(UInt16(value))
    }
}
