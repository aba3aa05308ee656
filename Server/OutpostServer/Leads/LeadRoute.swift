import Foundation
import Hummingbird
import LeadRouting
import Logging
import OutpostModel
import OutpostSQLite
import OutpostStore

/// Registers `POST /leads`: web-to-lead. The JSON ``LeadForm`` becomes a lead,
/// routed by the assignment rules to a territory and its rep with the fewest open
/// leads, and stored as a hub write, so it reaches that rep's device at its next
/// sync. Answers `201` with a ``LeadReceipt``; a lead no rule matches goes to the
/// queue territory and the receipt says `"queued": true`.
///
/// ```sh
/// curl -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
///   -d '{"company":"Brauerei Huber","first_name":"Anna","last_name":"Huber","country":"DE","postcode":"80331"}' \
///   http://hq:8080/leads
/// ```
func addLeadRoute<Context: RequestContext>(to router: Router<Context>, store: SQLiteStore, access: LeadWriteAccess,
                                           metrics: ServerMetrics?, logger: Logger) {
    router.post("leads") { request, context -> EditedResponse<LeadReceipt> in
        try access.authorize(request)
        let form: LeadForm
        do { form = try await request.decode(as: LeadForm.self, context: context) } catch {
            throw HTTPError(.badRequest, message: "The body must be a JSON lead with company, first_name and last_name (strings).")
        }
        let intake: LeadIntake
        do {
            intake = try await store.takeInLead(try form.lead(), facts: form.facts, now: Date())
        } catch let error as StoreError where error.code == .notFound {
            throw HTTPError(.unprocessableContent, message: error.message)
        } catch let error as StoreError where error.code == .invalid {
            throw HTTPError(.unprocessableContent, message: error.message)
        }
        let routing = intake.routing
        metrics?.leadAssigned(rule: routing.rule ?? "queue")
        let metadata: Logger.Metadata = ["lead": "\(intake.lead.id)", "territory": "\(routing.territory)",
                                         "rule": "\(routing.rule ?? "-")", "owner": "\(routing.owner?.name ?? "-")"]
        if routing.queued {
            logger.warning("lead matched no assignment rule; queued", metadata: metadata)
        } else {
            logger.info("lead assigned", metadata: metadata)
        }
        return EditedResponse(status: .created, response: LeadReceipt(
            id: intake.lead.id.description, territory: routing.territory, owner: routing.owner?.name, rule: routing.rule,
            queued: routing.queued))
    }
}
