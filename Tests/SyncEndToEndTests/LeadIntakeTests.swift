import FieldClient
import Foundation
import OutpostModel
import OutpostReplication
import OutpostSQLite
import OutpostStore
import Testing

@Suite("Web-to-lead with assignment rules, end to end", .serialized)
struct LeadIntakeTests {
    static let token = "lead-form-token-0123456789"

    /// Bavaria with two reps (Ana already owns an open lead), and a queue territory.
    struct Bavaria {
        let territory: Territory
        let queue: Territory
        let ana: User
        let ben: User

        init(company: TestCompany) {
            territory = Territory(name: "Bavaria", parentID: company.europe.id)
            queue = Territory(name: "Lead queue", parentID: company.europe.id)
            ana = User(name: "ana.bavaria", displayName: "Ana Bayer", role: .rep, territoryIDs: [territory.id])
            ben = User(name: "ben.bavaria", displayName: "Ben Bayer", role: .rep, territoryIDs: [territory.id])
        }

        var batch: RecordBatch {
            var batch = RecordBatch()
            batch.territories = [territory, queue]
            batch.users = [ana, ben]
            batch.leads = [Lead(territoryID: territory.id, company: "Alte Brauerei", firstName: "Max", lastName: "Alt", ownerID: ana.id),
                           Lead(territoryID: territory.id, company: "Old Mill", firstName: "Eva", lastName: "Done", status: .converted,
                                ownerID: ben.id)]
            return batch
        }
    }

    @Test("A lead POSTed for a Bavarian postcode reaches the Bavarian rep with the fewest open leads after one sync; rule test says why",
          .timeLimit(.minutes(5)))
    func bavarianLead() async throws {
        var region: Bavaria?
        let hub = try await ProcessHub.start { database, company in
            region = Bavaria(company: company)
            try await SQLiteStore(path: database).insert(region!.batch)
            let bavarianPrefixes = "80,81,82,83,84,85,86,87,90,91,92,93,94,95,96,97"
            for arguments in [["--name", "bavaria", "--priority", "10", "--country", "DE", "--postcode", bavarianPrefixes, "--territory", "Bavaria"],
                              ["--name", "germany", "--priority", "20", "--country", "DE", "--territory", "North"]] {
                let added = try await runServerCommand(["rule", "add", "--db", database] + arguments)
                #expect(added.status == 0, "\(added)")
            }
            let queue = try await runServerCommand(["rule", "queue", "--db", database, "--territory", "Lead queue"])
            #expect(queue.status == 0)
        }
        defer { hub.stop() }
        let bavaria = try #require(region)
        let ana = try await hub.device(bavaria.ana)
        let ben = try await hub.device(bavaria.ben)

        // rule test explains the match and names the rep, changing nothing.
        let explained = try await runServerCommand(["rule", "test", "--db", hub.database, "--country", "DE", "--postcode", "80331"])
        #expect(explained.status == 0)
        #expect(explained.output.contains("match: rule bavaria (priority 10) → Bavaria"))
        #expect(explained.output.contains("✓ country DE is DE") && explained.output.contains("✓ postcode 80331 starts with 80"))
        #expect(explained.output.contains("Rep: ben.bavaria, fewest open leads among ana.bavaria 1 open, ben.bavaria 0 open"))
        let berlin = try await runServerCommand(["rule", "test", "--db", hub.database, "--country", "DE", "--postcode", "10115"])
        #expect(berlin.output.contains("no match: rule bavaria") && berlin.output.contains("✗ postcode 10115 starts with none of 80"))
        #expect(berlin.output.contains("match: rule germany (priority 20) → North"))

        // The web form posts the lead; Ben (no open leads) gets it.
        let form = #"{"company":"Brauerei Huber","first_name":"Anna","last_name":"Huber","email":"anna@huber.example","country":"DE","postcode":"80331","industry":"Food"}"#
        let posted = try await Self.post(hub, form)
        #expect(posted.status == 201, "\(posted)")
        let receipt = try JSONSerialization.jsonObject(with: Data(posted.body.utf8)) as? [String: Any]
        #expect(receipt?["owner"] as? String == "ben.bavaria" && receipt?["rule"] as? String == "bavaria")
        #expect(receipt?["territory"] as? String == "Bavaria" && receipt?["queued"] as? Bool == false)

        // One sync later it is on Ben's device, his.
        try await hub.sync(ben)
        let leads = try ben.records(of: .lead).compactMap { try $0.decoded() as? Lead }
        let huber = try #require(leads.first { $0.company == "Brauerei Huber" })
        #expect(huber.ownerID == bavaria.ben.id && huber.territoryID == bavaria.territory.id)
        #expect(huber.postcode == "80331" && huber.country == "DE" && huber.industry == "Food")
        #expect(huber.id.description == receipt?["id"] as? String)
        try await hub.sync(ana)
        #expect(try ana.records(of: .lead).compactMap { try $0.decoded() as? Lead }.first { $0.company == "Brauerei Huber" }?.ownerID
                == bavaria.ben.id, "the territory's other rep sees whose lead it is")

        // Now both have one open lead; the next goes to Ana, the less recently assigned.
        let next = try await Self.post(hub, #"{"company":"Kaserei Lenz","first_name":"Leo","last_name":"Lenz","country":"DE","postcode":"90402"}"#)
        #expect((try JSONSerialization.jsonObject(with: Data(next.body.utf8)) as? [String: Any])?["owner"] as? String == "ana.bavaria")

        // A lead no rule matches goes to the queue, and says so.
        let french = try await Self.post(hub, #"{"company":"Boulangerie","first_name":"Lou","last_name":"Petit","country":"FR","postcode":"75001"}"#)
        let queued = try JSONSerialization.jsonObject(with: Data(french.body.utf8)) as? [String: Any]
        #expect(french.status == 201 && queued?["queued"] as? Bool == true && queued?["territory"] as? String == "Lead queue")

        // Bad requests change nothing.
        #expect(try await Self.post(hub, form, token: "wrong").status == 401)
        #expect(try await Self.post(hub, "{not json").status == 400)
        #expect(try await Self.post(hub, #"{"company":"X","first_name":"Y","last_name":"Z","email":"no-at-sign"}"#).status == 422)
        let metrics = try await httpExchange(port: hub.server.httpPort, method: "GET", path: "/metrics").body
        #expect(metrics.contains(#"outpost_leads_assigned_total{rule="bavaria"} 2"#))
        #expect(metrics.contains(#"outpost_leads_assigned_total{rule="queue"} 1"#))
        #expect(try await hub.store().counts().leads == 5)
    }

    /// `POST /leads` with `json` as the body.
    static func post(_ hub: ProcessHub, _ json: String, token: String = ProcessHub.token) async throws -> (status: Int, body: String) {
        try await httpExchange(port: hub.server.httpPort, method: "POST", path: "/leads",
                               headers: ["Authorization": "Bearer \(token)", "Content-Type": "application/json"], body: Array(json.utf8))
    }
}
