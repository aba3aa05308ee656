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
