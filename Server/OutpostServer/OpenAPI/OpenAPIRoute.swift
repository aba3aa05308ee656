import Foundation
import Hummingbird

/// Registers `GET /openapi.json`: the OpenAPI 3 description of every HTTP route,
/// the file `Server/OutpostServer/OpenAPI/openapi.json` built into the server.
func addOpenAPIRoute<Context: RequestContext>(to router: Router<Context>) {
    let document = Bundle.module.url(forResource: "openapi", withExtension: "json").flatMap { try? Data(contentsOf: $0) }
    router.get("openapi.json") { _, _ -> Response in
        guard let document else {
            throw HTTPError(.internalServerError, message: "This build lacks its OpenAPI document; rebuild outpost-server.")
        }
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: document)))
    }
}
