public import Forecasting
import Foundation
import Hummingbird
import OutpostModel
public import OutpostStore

/// `GET /forecast?period=2026Q4&territory=NAME`: the same forecast JSON as
/// `outpost forecast --json`, computed from the server's store. It needs an API token
/// with scope `forecast:read` (``APIAccess``): forecasts are not for anyone who reaches the port.
func addForecastRoute(to router: Router<BasicRequestContext>, store: any OutpostStore, access: APIAccess) {
    router.get("forecast") { request, _ -> Response in
        try await access.authorize(request, for: .forecastRead)
        let periodText = request.uri.queryParameters.get("period")
        let territoryName = request.uri.queryParameters.get("territory")
        let period: ForecastPeriod
        do {
            period = try periodText.map { try ForecastPeriod(parsing: $0) } ?? .quarter(of: ForecastDay.today)
        } catch {
            throw HTTPError(.badRequest, message: "\(error)")
        }
        let book = try await forecastBook(store)
        let root: Territory
        if let territoryName {
            guard let named = book.tree.territory(named: territoryName) else {
                throw HTTPError(.notFound, message: "no territory named \(territoryName)")
            }
            root = named
        } else {
            guard let first = book.tree.roots.first else { throw HTTPError(.notFound, message: "no territories yet") }
            root = first
        }
        guard let forecast = book.forecast(period: period, root: root.id) else {
            throw HTTPError(.notFound, message: "no territory \(root.name)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(ForecastReport(period: period, forecast: forecast))
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }
}

/// Every forecast input the store holds.
public func forecastBook(_ store: any OutpostStore) async throws -> ForecastBook {
    let accounts = try await store.accounts(in: nil)
    let territoryOf = Dictionary(accounts.map { ($0.id, $0.territoryID) }, uniquingKeysWith: { first, _ in first })
    let deals = try await store.opportunities(of: nil).compactMap { opportunity in
        territoryOf[opportunity.accountID].map { Deal(opportunity, territoryID: $0) }
    }
    return ForecastBook(territories: try await store.territories(), users: try await store.users(), deals: deals.map(DealGroup.init),
                        submissions: try await store.forecastSubmissions(), adjustments: try await store.forecastAdjustments(),
                        quotas: try await store.quotas())
}

/// Today's date on the server's clock (UTC), for the default period.
enum ForecastDay {
    static var today: CalendarDay {
        CalendarDay(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
