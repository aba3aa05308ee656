import Foundation
public import Hummingbird
import OutpostSQLite

/// Registers `GET /metrics`: the server's metrics in Prometheus text format. The
/// store's gauges (change sequence, database size, orders overdue at the desk) are
/// read at each scrape.
///
/// ```sh
/// curl http://hq:8080/metrics
/// ```
func addMetricsRoute<Context: RequestContext>(to router: Router<Context>, metrics: ServerMetrics, store: SQLiteStore,
                                              deskOverdueAfter: Duration) {
    router.get("metrics") { _, _ -> Response in
        let overdue = try await store.ordersAwaitingDesk(now: Date(), after: deskOverdueAfter).count
        metrics.storeState(changeSequence: try await store.currentChangeSequence(), databaseBytes: databaseBytes(store),
                           ordersAwaitingDesk: overdue)
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: metrics.render())))
    }
}

/// The bytes of the store's file and its write-ahead log (0 for an in-memory store).
private func databaseBytes(_ store: SQLiteStore) -> Int64 {
    guard let path = store.path else { return 0 }
    return [path, path + "-wal"].reduce(0) { total, file in
        let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value ?? 0
        return total + size
    }
}
