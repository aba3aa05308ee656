import Foundation
import Hummingbird
import Logging
import OutpostSQLite

extension Integration {
    /// Adds `/readyz`, `/metrics` and (with a lead token) `POST /leads` to `router`.
    func addRoutes<Context: RequestContext>(to router: Router<Context>, logger: Logger) {
        let store = store
        router.get("readyz") { _, _ -> Response in
            do {
                _ = try await store.currentChangeSequence()
                return Response(status: .ok, headers: [.contentType: "application/json"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"status":"ready"}"#)))
            } catch {
                logger.error("readiness check failed", metadata: ["error": "\(error)"])
                return Response(status: .serviceUnavailable, headers: [.contentType: "application/json"],
                                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"status":"database unavailable"}"#)))
            }
        }
        addMetricsRoute(to: router, metrics: metrics, store: store, deskOverdueAfter: policy.deskAfter)
        if let leadAccess {
            addLeadRoute(to: router, store: store, access: leadAccess, metrics: metrics, logger: logger)
        }
    }
}
