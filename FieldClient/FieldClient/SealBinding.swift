import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication

/// What a sealed value belongs to: its column and the clear columns of its row. It is
/// the additional data of the value's seal, so a ciphertext moved to another row or
/// column, or a changed id, kind, routing, counter or code beside it, fails to open.
struct SealBinding: Sendable {
    /// The sealed columns (their numbers are part of the additional data; never reuse one).
    enum Column: UInt8, Sendable {
        case recordState = 1
        case pendingWrite = 2
        case rejectedWrite = 3
        case rejectedMessage = 4
        case identitySecretKey = 5
        case identityUserName = 6
        case identityRole = 7
        case identityTerritories = 8
        case replicaKey = 9
        /// The seal of the identity row's clear fields (its plaintext is empty).
        case identityFields = 10
        /// The record a refused write was made to, as the device saw it then.
        case rejectedRecord = 11
        /// What a forecast reads of a record (``ForecastSummary``).
        case recordSummary = 12
        /// A chunk of document content.
        case contentChunk = 13
        /// A document added on this device, waiting for its content to upload.
        case stagedDocument = 14
        /// Why the server refused a staged document's upload.
        case stagedRefusal = 15
        /// The quarter a forecast total is of.
        case forecastQuarter = 16
        /// A quarter's forecast total (``ForecastTotal``).
        case forecastTotal = 17
        /// A product's compiled rules and what they alone force and exclude (``CompiledProduct``).
        case configuratorRoot = 18
        /// Record states kept together (``StateGroup``); each member carries its row's
        /// clear columns inside.
        case stateGroup = 19
    }

    /// The column.
    let column: Column
    /// The row's identifying clear columns, encoded without ambiguity (fixed widths,
    /// presence bytes for optional values).
    let row: [UInt8]

    /// The seal's additional data.
    var additionalData: [UInt8] { Self.prefix + [column.rawValue] + row }

    private static let prefix = Array("outpost-replica-v1".utf8)

    /// A record's hub state, bound to its id, kind and routing columns.
    static func recordState(_ id: RecordID, kind: Int64, territory: Data?, parent: Data?) -> SealBinding {
        var row = id.bytes
        row.append(bigEndian: UInt64(bitPattern: kind))
        for optional in [territory, parent] {
            if let optional { row += [1] + optional } else { row.append(0) }
        }
        return SealBinding(column: .recordState, row: row)
    }

    /// A group of record states: its members name their own rows (``StateGroup``).
    static let stateGroup = SealBinding(column: .stateGroup, row: [])

    /// A record's forecast summary, bound like its state to the row's id, kind and routing.
    static func recordSummary(_ id: RecordID, kind: Int64, territory: Data?, parent: Data?) -> SealBinding {
        SealBinding(column: .recordSummary, row: recordState(id, kind: kind, territory: territory, parent: parent).row)
    }

    /// A column of a quarter's forecast total row, bound to the quarter's blind index.
    static func forecastTotal(_ column: Column, period: Data) -> SealBinding {
        SealBinding(column: column, row: [UInt8](period))
    }

    /// A product's kept compiled form, bound to the product and to the digest of the
    /// signed bundle whose records it was compiled from.
    static func configuratorRoot(product: ProductID, bundleDigest: [UInt8]) -> SealBinding {
        SealBinding(column: .configuratorRoot, row: RecordID(product).bytes + bundleDigest)
    }

    /// A pending write, bound to its counter and record.
    static func pendingWrite(counter: UInt64, record: RecordID) -> SealBinding {
        var row = [UInt8]()
        row.append(bigEndian: counter)
        return SealBinding(column: .pendingWrite, row: row + record.bytes)
    }

    /// A refused write's bytes or message, bound to every clear column of its row.
    static func rejected(_ column: Column, counter: UInt64, record: RecordID, kind: Int64, code: Int64, at: Int64) -> SealBinding {
        var row = [UInt8]()
        row.append(bigEndian: counter)
        row += record.bytes
        for value in [kind, code, at] { row.append(bigEndian: UInt64(bitPattern: value)) }
        return SealBinding(column: column, row: row)
    }

    /// A column of the one identity row, bound to the device number.
    static func identity(_ column: Column, deviceNumber: UInt32) -> SealBinding {
        var row = [UInt8]()
        row.append(bigEndian: UInt64(deviceNumber))
        return SealBinding(column: column, row: row)
    }

    /// The wrapped replica key, bound to how its wrapping key is derived.
    static func replicaKey(method: String, salt: [UInt8], opslimit: Int64, memlimit: Int64) -> SealBinding {
        var row = Array(method.utf8) + [0] + salt
        row.append(bigEndian: UInt64(bitPattern: opslimit))
        row.append(bigEndian: UInt64(bitPattern: memlimit))
        return SealBinding(column: .replicaKey, row: row)
    }
}

extension SealBinding: CustomStringConvertible {
    /// What the value is, for an error message.
    var description: String {
        switch column {
        case .recordState: (try? RecordID(bytes: Array(row.prefix(16)))).map { "the state of record \($0)" } ?? "a record's state"
        case .recordSummary: (try? RecordID(bytes: Array(row.prefix(16)))).map { "the summary of record \($0)" } ?? "a record's summary"
        case .pendingWrite: "a pending write"
        case .rejectedWrite, .rejectedMessage, .rejectedRecord: "a refused write"
        case .identitySecretKey, .identityUserName, .identityRole, .identityTerritories, .identityFields: "the device's identity"
        case .replicaKey: "the replica key"
        case .contentChunk: "a chunk of a document"
        case .stagedDocument, .stagedRefusal: "a document waiting to upload"
        case .forecastQuarter, .forecastTotal: "a quarter's forecast total"
        case .configuratorRoot: "the kept compiled rules of a product"
        case .stateGroup: "a group of record states"
        }
    }
}

extension [UInt8] {
    /// Appends `value` as 8 big-endian bytes.
    mutating func append(bigEndian value: UInt64) {
        for shift in stride(from: 56, through: 0, by: -8) { append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
