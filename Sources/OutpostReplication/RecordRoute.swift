import MergeEngine
import OutpostModel

/// What decides which devices receive a record: the record's routing parent.
///
/// A route names the nearest record the model itself points to. Only ``global``,
/// ``territory(_:)`` and ``forecast(_:)`` are final; the others name a parent whose
/// own route the sync engine follows until it reaches a territory:
///
/// - contact, opportunity, activity → ``account(_:)`` → the account's territory;
/// - quote → ``opportunity(_:)`` → its account → that account's territory
///   (a quote knows only its opportunity);
/// - order → ``quote(_:)`` → the quote's opportunity → … (an order knows only its quote);
/// - forecast adjustment → ``forecastSubmission(_:)`` → ``forecast(_:)`` of the submission.
public enum RecordRoute: Hashable, Sendable {
    /// Every device receives the record (read-only there).
    case global
    /// Devices whose scope covers the territory receive the record.
    case territory(TerritoryID)
    /// Routed as the account is.
    case account(AccountID)
    /// Routed as the opportunity is.
    case opportunity(OpportunityID)
    /// Routed as the quote is.
    case quote(EntityID<Quote>)
    /// Routed as the activity is (a document attached to it).
    case activity(ActivityID)
    /// A forecast figure for the territory: its owner's and its managers' devices.
    case forecast(TerritoryID)
    /// Routed as the forecast submission is.
    case forecastSubmission(EntityID<ForecastSubmission>)

    /// The record whose route decides this one, or `nil` when the route is final.
    public var parent: RecordKey? {
        switch self {
        case .global, .territory, .forecast: nil
        case .account(let id): RecordKey(kind: .account, id: RecordID(id))
        case .opportunity(let id): RecordKey(kind: .opportunity, id: RecordID(id))
        case .quote(let id): RecordKey(kind: .quote, id: RecordID(id))
        case .activity(let id): RecordKey(kind: .activity, id: RecordID(id))
        case .forecastSubmission(let id): RecordKey(kind: .forecastSubmission, id: RecordID(id))
        }
    }
}

/// A record's full identity across kinds: its kind and its id.
public struct RecordKey: Hashable, Sendable, CustomStringConvertible {
    /// The record's kind.
    public var kind: ReplicatedKind
    /// The record's id.
    public var id: RecordID

    /// Creates a key from a kind and an id.
    public init(kind: ReplicatedKind, id: RecordID) {
        self.kind = kind
        self.id = id
    }

    /// `account/3f2b8c4e…`.
    public var description: String { "\(kind.name)/\(id)" }
}
