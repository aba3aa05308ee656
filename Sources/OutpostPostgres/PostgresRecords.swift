import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication
import OutpostStore
import PostgresNIO
import StateCoding

/// The record reads of ``PostgresStore``'s ``RecordStore`` side, each on a blocking
/// connection inside a snapshot or a ledger transaction; rows decode through the shared
/// mapping (``StoredRow``). Every value is bound; table and column names come from the
/// mapping's constants.
enum PostgresRecords {
    static func accounts(_ connection: BlockingConnection, in territories: Set<TerritoryID>?) throws -> [Account] {
        try connection.decoded(filtered(Account.shape, "territory_id", territories, order: "name, id"), Account.init(stored:))
    }

    static func contacts(_ connection: BlockingConnection, of accounts: Set<AccountID>?) throws -> [Contact] {
        try connection.decoded(filtered(Contact.shape, "account_id", accounts, order: "last_name, first_name, id"), Contact.init(stored:))
    }

    static func opportunities(_ connection: BlockingConnection, of accounts: Set<AccountID>?) throws -> [Opportunity] {
        try connection.decoded(filtered(Opportunity.shape, "account_id", accounts, order: "close_date, name, id"),
                               Opportunity.init(stored:))
    }

    static func leads(_ connection: BlockingConnection, in territories: Set<TerritoryID>?) throws -> [Lead] {
        try connection.decoded(filtered(Lead.shape, "territory_id", territories, order: "company, id"), Lead.init(stored:))
    }

    static func activities(_ connection: BlockingConnection, of accounts: Set<AccountID>?) throws -> [Activity] {
        try connection.decoded(filtered(Activity.shape, "account_id", accounts, order: "day, id"), Activity.init(stored:))
    }

    static func products(_ connection: BlockingConnection) throws -> [Product] {
        try connection.decoded("\(unescaped: Product.shape.selectSQL) ORDER BY sku", Product.init(stored:))
    }

    static func productOptions(_ connection: BlockingConnection, of product: ProductID) throws -> [ProductOption] {
        try connection.decoded("\(unescaped: ProductOption.shape.selectSQL) WHERE product_id = \(product.uuid) ORDER BY code",
                               ProductOption.init(stored:))
    }

    static func configuratorModel(_ connection: BlockingConnection, of product: ProductID) throws -> ConfiguratorModel? {
        try connection.decoded("\(unescaped: ConfiguratorModel.shape.selectSQL) WHERE product_id = \(product.uuid)",
                               ConfiguratorModel.init(stored:)).first
    }

    /// The live records of `kind` in `replica_record`, decoded from their merged views
    /// (the kinds without a domain table: quotas, forecast adjustments).
    static func replicated<R: ReplicatedRecord>(_ connection: BlockingConnection, _ kind: ReplicatedKind) throws -> [R] {
        var records: [R] = []
        for row in try connection.rows("SELECT id, state FROM replica_record WHERE kind = \(Int32(kind.rawValue))") {
            let (idBytes, state) = try row.decode((Data, Data).self)
            let id = try ReplicaTable.recordID(idBytes)
            let view = try ReplicaTable.decode(state, id).view(policy: .updateWins)
            guard !view.isDeleted else { continue }
            records.append(try R(recordID: id, fields: view.values))
        }
        return records
    }

    /// How many records of each kind the database holds.
    static func counts(_ connection: BlockingConnection) throws -> RecordCounts {
        guard let row = try connection.rows("\(unescaped: RecordCounts.countingSQL)").first else {
            throw PostgresStoreQueryError.noRow
        }
        let columns = row.makeRandomAccess()
        return try RecordCounts { index in Int(try columns[index].decode(Int64.self)) }
    }

    /// `SELECT … FROM table [WHERE column = ANY(ids)] ORDER BY order`.
    private static func filtered<Entity>(_ shape: TableShape, _ column: String, _ ids: Set<EntityID<Entity>>?,
                                         order: String) -> PostgresQuery {
        guard let ids else { return "\(unescaped: shape.selectSQL) ORDER BY \(unescaped: order)" }
        return "\(unescaped: shape.selectSQL) WHERE \(unescaped: column) = ANY(\(ids.map(\.uuid))) ORDER BY \(unescaped: order)"
    }
}
