/// The forecast bucket an opportunity counts in.
///
/// Forecast figures are cumulative the way sales managers read them:
/// Commit forecast = Commit + Closed; Best Case forecast = Best Case + Commit + Closed;
/// open pipeline = Pipeline + Best Case + Commit; Omitted counts nowhere.
public enum ForecastCategory: String, Hashable, Sendable, Codable, CaseIterable {
    case pipeline
    case bestCase = "best_case"
    case commit
    case closed
    case omitted
}
