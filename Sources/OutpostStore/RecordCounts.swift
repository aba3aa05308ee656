/// How many records of each kind a store holds, for `demo` and `status` summaries.
public struct RecordCounts: Sendable, Equatable, Codable {
    public var territories = 0
    public var users = 0
    public var devices = 0
    public var accounts = 0
    public var contacts = 0
    public var leads = 0
    public var opportunities = 0
    public var activities = 0
    public var products = 0
    public var productOptions = 0
    public var priceBooks = 0
    public var configuratorModels = 0
    public var forecastSubmissions = 0

    public init() {}
}

extension RecordCounts {
    /// Each count and the table whose rows it counts, in the order of ``countingSQL``'s columns.
    public static let tables: [(table: String, count: any WritableKeyPath<RecordCounts, Int> & Sendable)] = [
        ("territory", \.territories), ("\"user\"", \.users), ("device", \.devices), ("account", \.accounts),
        ("contact", \.contacts), ("lead", \.leads), ("opportunity", \.opportunities), ("activity", \.activities),
        ("product", \.products), ("product_option", \.productOptions), ("price_book", \.priceBooks),
        ("configurator_model", \.configuratorModels), ("forecast_submission", \.forecastSubmissions),
    ]

    /// One query, in SQL both SQLite and PostgreSQL read, whose single row holds every count of ``tables`` in order.
    public static let countingSQL = "SELECT "
        + tables.map { "(SELECT count(*) FROM \($0.table))" }.joined(separator: ", ")

    /// The counts of the row ``countingSQL`` returned.
    /// - Parameter column: The value of the row's column at an index.
    public init<Failure: Error>(column: (Int) throws(Failure) -> Int) throws(Failure) {
        self.init()
        for (index, entry) in Self.tables.enumerated() {
            self[keyPath: entry.count] = try column(index)
        }
    }
}
