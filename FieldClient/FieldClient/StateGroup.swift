import ByteCoding
import Foundation
import MergeEngine
import OutpostProtocol

/// Record states the replica keeps together in one sealed value (a `state_group` row):
/// compressed whole with zstd, then sealed once, instead of one seal per record.
///
/// A sealed value costs 40 bytes of nonce and tag, and a record's state alone compresses
/// poorly; states of one kind side by side share their field layout and much of their
/// text. A record whose `record.state_group` names a group keeps an empty `state`; the
/// group holds, per member, the clear columns of the member's row (id, kind, territory,
/// parent), so a row moved to another group, or a group's members altered, fails the
/// check on reading as a changed row fails its own seal.
///
/// A member's forecast summary (``ForecastSummary``, for accounts and opportunities) is
/// kept with its state, its row's `summary` left empty: a summary sealed alone cost 40
/// bytes of nonce and tag for its 17 (an account's) or about 55 (an opportunity's), and shares most of its bytes with its
/// neighbours' (the account, the owner, the stage).
///
/// Plaintext: `02` · member count · per member: id (16 bytes) · kind (zig-zag) ·
/// territory and parent, each `00` or `01` and 16 bytes · the state's length and bytes ·
/// the summary, `00` or `01` and its length and bytes. Layout `01`, without summaries,
/// still opens.
struct StateGroup: Equatable {
    /// One record of a group: its row's clear columns, its encoded hub state and its
    /// forecast summary.
    struct Member: Equatable {
        var id: RecordID
        var kind: Int64
        var territory: Data?
        var parent: Data?
        /// The state as ``RecordStateCodec`` encodes it.
        var state: [UInt8]
        /// The forecast summary (``ForecastSummary/encode(kind:view:record:)``), or `nil`
        /// for a kind that has none.
        var summary: [UInt8]? = nil
    }

    /// The members, in the order stored.
    var members: [Member]

    /// How many new records of a frame a group holds at most: more compress better, and
    /// waste less of the last page of their value, but cost more to open for one record
    /// (about 100 KB to decompress at 512). The World replica's groups, sealed: 27.1 MB
    /// at 64, 25.0 at 128, 23.5 at 256, 22.6 at 512 (zstd level 3).
    static let capacity = 512
    /// A frame bringing fewer new records than this keeps them each in its row: a
    /// group's seal and compression pay off from a few members, and a sync's few
    /// changes stay out of groups that a later change would rewrite.
    static let minimumMembers = 8
    /// The most bytes a group's plaintext may have once decompressed.
    static let plaintextLimit = 256 << 20

    /// The group compressed and sealed.
    func sealed(_ cipher: ReplicaCipher) throws(ReplicaError) -> Data {
        var writer = ByteWriter()
        writer.byte(Self.tag)
        writer.varint(members.count)
        for member in members {
            writer.raw(member.id.bytes)
            writer.signed(member.kind)
            for column in [member.territory, member.parent] {
                if let column {
                    writer.byte(1)
                    writer.raw(column)
                } else {
                    writer.byte(0)
                }
            }
            writer.lengthPrefixed(member.state)
            if let summary = member.summary {
                writer.byte(1)
                writer.lengthPrefixed(summary)
            } else {
                writer.byte(0)
            }
        }
        return try cipher.seal(try ZstdBlock.compress(writer.bytes), .stateGroup)
    }

    /// Opens what ``sealed(_:)`` made; without `states`, its members' states are left
    /// empty (the forecast reads their summaries alone).
    /// - Throws: `.corrupt` when the value was altered or does not decode.
    static func open(_ sealed: Data, _ cipher: ReplicaCipher, states: Bool = true) throws(ReplicaError) -> StateGroup {
        let plaintext = try ZstdBlock.decompress(try cipher.open(sealed, .stateGroup), limit: plaintextLimit)
        do {
            var reader = ByteReader<ProtocolError>(plaintext)
            let layout = try reader.byte()
            guard layout == tag || layout == withoutSummariesTag else { throw ProtocolError(.malformed, "an unknown group layout") }
            var members: [Member] = []
            for _ in 0..<(try reader.count(of: "a group's members")) {
                let id = try RecordID(bytes: try reader.raw(16))
                let kind = try reader.signed()
                var columns: [Data?] = []
                for _ in 0..<2 { columns.append(try reader.byte() == 0 ? nil : Data(try reader.raw(16))) }
                var member = Member(id: id, kind: kind, territory: columns[0], parent: columns[1], state: [])
                if states { member.state = try reader.lengthPrefixed() } else { try reader.skipLengthPrefixed() }
                if layout == tag {
                    switch try reader.byte() {
                    case 0: break
                    case 1: member.summary = try reader.lengthPrefixed()
                    case let other: throw ProtocolError(.malformed, "a member's summary flag \(other) is unknown")
                    }
                }
                members.append(member)
            }
            try reader.expectEnd(of: "a group of record states")
            return StateGroup(members: members)
        } catch {
            throw ReplicaError(.corrupt, "a group of record states in the replica is unreadable (\(error)); "
                + "move the replica folder aside and enrol the device again")
        }
    }

    private static let tag: UInt8 = 2
    /// The layout before members carried their summaries (their rows keep them sealed).
    private static let withoutSummariesTag: UInt8 = 1
}
