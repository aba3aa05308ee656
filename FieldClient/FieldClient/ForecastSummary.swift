import ByteCoding
import Foundation
import Forecasting
import MergeEngine
import OutpostModel
import OutpostProtocol
import OutpostReplication

/// The little a forecast reads of an account or an opportunity, kept sealed beside the
/// record's state (`record.summary`, written with it by ``Replica/store(_:_:)``), or in
/// the group that keeps the state (``StateGroup``), so `outpost forecast` opens a few
/// dozen bytes per record instead of whole states.
///
/// - an account: `01` · its `territory_id` (16), when it is live;
/// - an opportunity: `02` · account id (16) · owner id (16) · stage (string) · currency
///   (string) · amount in minor units (zig-zag) · close day (days since 1970, zig-zag);
/// - either, deleted or no longer decodable: empty.
///
/// A row written before the summary existed has none (NULL): the forecast opens its state.
enum ForecastSummary {
    /// Whether records of `kind` have a summary.
    static func applies(to kind: ReplicatedKind) -> Bool { kind == .account || kind == .opportunity }

    /// Whether ``encode(kind:view:record:)`` reads the decoded record of `kind` (an
    /// account's summary is read from its view alone).
    static func readsRecord(of kind: ReplicatedKind) -> Bool { kind == .opportunity }

    /// The summary of a record of `kind` whose view is `view` and decodes as `record`,
    /// or `nil` for a kind that has none.
    static func encode(kind: ReplicatedKind, view: RecordView, record: (any ReplicatedRecord)?) -> [UInt8]? {
        switch kind {
        case .account:
            // The territory field as the view holds it (the forecast's rule), decodable or not.
            guard !view.isDeleted, let field = territoryField, case .bytes(let territory) = view.values[field],
                  (try? RecordID(bytes: territory)) != nil else { return [] }
            return [accountTag] + territory
        case .opportunity:
            guard !view.isDeleted, let opportunity = record as? Opportunity else { return [] }
            var writer = ByteWriter()
            writer.byte(opportunityTag)
            writer.raw(RecordID(opportunity.accountID).bytes)
            writer.raw(RecordID(opportunity.ownerID).bytes)
            writer.string(opportunity.stage.rawValue)
            writer.string(opportunity.amount.currency.code)
            writer.signed(opportunity.amount.minorUnits)
            writer.signed(Int64(opportunity.closeDate.daysSinceEpoch))
            return writer.bytes
        default:
            return nil
        }
    }

    /// The summary of `state` (what ``Replica/store(_:_:)`` writes beside it), or `nil` for a kind that has none.
    static func of(_ state: RecordState) -> [UInt8]? {
        guard let kind = ReplicatedKind(typeID: state.type) else { return nil }
        let view = state.view(policy: .updateWins)
        return encode(kind: kind, view: view, record: try? kind.decode(recordID: state.id, fields: view.values))
    }

    /// The close day of a live opportunity's `state` (whose row is indexed by its quarter), else `nil`.
    static func closeDay(of state: RecordState?) -> CalendarDay? {
        guard let state, ReplicatedKind(typeID: state.type) == .opportunity else { return nil }
        let view = state.view(policy: .updateWins)
        guard !view.isDeleted, let opportunity = try? ReplicatedKind.opportunity.decode(recordID: state.id, fields: view.values) as? Opportunity
        else { return nil }
        return opportunity.closeDate
    }

    /// The territory of the live account a summary describes, or `nil` for a deleted one
    /// or one without a territory.
    /// - Throws: ``ProtocolError`` when the bytes are not an account's summary.
    static func territory(_ bytes: [UInt8]) throws -> TerritoryID? {
        guard !bytes.isEmpty else { return nil }
        guard bytes.count == 17, bytes[0] == accountTag else { throw ProtocolError(.malformed, "not an account's summary") }
        return TerritoryID(try RecordID(bytes: bytes.dropFirst()))
    }

    /// The blind index (``ReplicaCipher/blindIndex(_:purpose:)``) of a quarter, stored in
    /// the clear `record.period` column of each live opportunity closing in it: a forecast
    /// of a month or a quarter reads only the opportunities of that quarter. It reveals
    /// which opportunities close in the same quarter, not which quarter that is.
    /// A month's index is its quarter's.
    static func periodIndex(_ period: ForecastPeriod, cipher: ReplicaCipher) throws(ReplicaError) -> Data {
        try cipher.blindIndex(quarter(of: period).description, purpose: "close-quarter")
    }

    /// The quarter `period` is (a quarter) or lies in (a month).
    static func quarter(of period: ForecastPeriod) -> ForecastPeriod {
        switch period {
        case .quarter: period
        case let .month(year, month): .quarter(year: year, quarter: (month - 1) / 3 + 1)
        }
    }

    /// The account field the forecast reads.
    private static let territoryField = ReplicatedKind.account.fieldID(named: "territory_id")

    /// An opportunity's deal before its account's territory is known: the account, and
    /// the deal once placed in a territory (its account's).
    typealias UnplacedDeal = (accountID: AccountID, place: (TerritoryID) -> Deal)

    /// The unplaced deal of a whole `opportunity`.
    static func unplaced(_ opportunity: Opportunity) -> UnplacedDeal {
        (opportunity.accountID, { Deal(opportunity, territoryID: $0) })
    }

    /// The opportunity a summary describes, or `nil` for a deleted one.
    /// - Throws: ``ProtocolError`` when the bytes are not an opportunity's summary.
    static func opportunity(_ bytes: [UInt8], id: RecordID) throws -> UnplacedDeal? {
        guard !bytes.isEmpty else { return nil }
        var reader = ByteReader<ProtocolError>(bytes)
        guard try reader.byte() == opportunityTag else { throw ProtocolError(.malformed, "not an opportunity's summary") }
        let account = AccountID(try RecordID(bytes: try reader.raw(16)))
        let owner = UserID(try RecordID(bytes: try reader.raw(16)))
        guard let stage = OpportunityStage(rawValue: try reader.string()) else { throw ProtocolError(.malformed, "an unknown stage") }
        let currency = try Currency(code: try reader.string())
        let amount = Money(minorUnits: try reader.signed(), currency: currency)
        let day = CalendarDay(daysSinceEpoch: Int(try reader.signed()))
        try reader.expectEnd(of: "an opportunity's summary")
        return (account, { Deal(id: OpportunityID(id), accountID: account, ownerID: owner, stage: stage, amount: amount, closeDate: day, territoryID: $0) })
    }

    private static let accountTag: UInt8 = 1
    private static let opportunityTag: UInt8 = 2
}
