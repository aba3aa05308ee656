public import OutpostModel

/// A forecast answer as JSON: what `outpost forecast --json` prints and what the
/// server's `GET /forecast` returns, so scripts read both alike.
public struct ForecastReport: Encodable, Sendable {
    /// The period, `2026Q4` or `2026-11`.
    public let period: String
    /// The territory subtree.
    public let forecast: TerritoryForecast

    /// Pairs a forecast with its period.
    public init(period: ForecastPeriod, forecast: TerritoryForecast) {
        self.period = period.description
        self.forecast = forecast
    }
}
