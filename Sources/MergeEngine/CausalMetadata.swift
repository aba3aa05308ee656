import ByteCoding
/// Compact binary encoding of a record's **causal metadata** — what the merge needs
/// beyond the values: the hub vector, and the stamp and origin of every surviving
/// entry (plus tombstone contexts). Values and display times are not included.
///
/// Layout (all integers LEB128):
/// ```
/// vector:    n, n × (replica, counter)
/// existence: n, n × (replicaIndex << 1 | isTombstone, counterGap, origin
///                    [tombstone: vectorCount, × (replica, gapFromRecord), extraCount, × (replicaIndex, counterGap)])
/// fields:    n, n × (fieldID, siblingCount, siblingCount × (replicaIndex, counterGap, origin))
/// ```
/// A stamp is written as the index of its hub in the record vector plus the gap
/// `vector[hub] - stamp.counter`, so recent stamps take one or two bytes whatever the
/// hub's global counter. Nothing in it is per device-that-ever-wrote.
public enum CausalMetadata {
    /// Encodes `record`'s causal metadata.
    public static func encode(_ record: RecordState) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(32)
        let vector = record.context.entries
        LEB128.append(UInt64(vector.count), to: &out)
        for dot in vector {
            LEB128.append(UInt64(dot.replica.rawValue), to: &out)
            LEB128.append(dot.counter, to: &out)
        }
        LEB128.append(UInt64(record.existence.count), to: &out)
        for entry in record.existence {
            let tombstoneBit: UInt64 = entry.isTombstone ? 1 : 0
            let (index, gap) = position(of: entry.stamp, in: vector)
            LEB128.append(index << 1 | tombstoneBit, to: &out)
            LEB128.append(gap, to: &out)
            LEB128.append(UInt64(entry.origin.rawValue), to: &out)
            if case .deleted(let seen) = entry.kind {
                LEB128.append(UInt64(seen.vector.entries.count), to: &out)
                for dot in seen.vector.entries {
                    LEB128.append(UInt64(dot.replica.rawValue), to: &out)
                    LEB128.append(record.context[dot.replica] &- dot.counter, to: &out)
                }
                LEB128.append(UInt64(seen.extras.count), to: &out)
                for dot in seen.extras {
                    let (extraIndex, extraGap) = position(of: dot, in: vector)
                    LEB128.append(extraIndex, to: &out)
                    LEB128.append(extraGap, to: &out)
                }
            }
        }
        LEB128.append(UInt64(record.fields.count), to: &out)
        for slot in record.fields {
            LEB128.append(UInt64(slot.id.rawValue), to: &out)
            LEB128.append(UInt64(slot.siblings.count), to: &out)
            for entry in slot.siblings {
                let (index, gap) = position(of: entry.stamp, in: vector)
                LEB128.append(index, to: &out)
                LEB128.append(gap, to: &out)
                LEB128.append(UInt64(entry.origin.rawValue), to: &out)
            }
        }
        return out
    }

    /// The encoded size in bytes.
    public static func byteCount(of record: RecordState) -> Int { encode(record).count }

    private static func position(of stamp: Dot, in vector: [Dot]) -> (UInt64, UInt64) {
        for (index, dot) in vector.enumerated() where dot.replica == stamp.replica {
            return (UInt64(index), dot.counter &- stamp.counter)
        }
        return (UInt64(vector.count), stamp.counter)  // unreachable for valid states
    }
}
