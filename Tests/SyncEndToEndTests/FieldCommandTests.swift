import Foundation
import OutpostModel
import OutpostSQLite
import OutpostStore
import Testing

/// A rep's daily commands on the real `outpost` binary against a live hub.
@Suite("The rep's daily commands on the real binary", .serialized)
struct FieldCommandTests {
    @Test("a contact is found by surname or e-mail within --account; a future done visit is refused; plan and agenda")
    func lookupsLogAndAgenda() async throws {
        try await LiveHub.with { hub in
            let rep = try await CLIDevice.enrolled(hub.company.repNorth, on: hub)
            try await rep.succeed(["contacts", "add", "account_id=Hamburg Account 1", "first_name=Eva", "last_name=Hoffmann",
                                   "email=eva.hoffmann@example.com"])
            try await rep.succeed(["contacts", "add", "account_id=Hamburg Account 2", "first_name=Jan", "last_name=Hoffmann"])

            try await rep.succeed(["log", "call", "--account", "Hamburg Account 1", "--contact", "hoffmann", "--subject", "By surname"])
            try await rep.succeed(["log", "call", "--account", "Hamburg Account 1", "--contact", "EVA.HOFFMANN@example.com",
                                   "--subject", "By e-mail"])
            let logged = try await rep.objects(["activities", "list"]).filter { ($0["subject"] as? String)?.hasPrefix("By ") == true }
            #expect(logged.map { $0["contact_name"] as? String } == ["Eva Hoffmann", "Eva Hoffmann"])
            let missing = try await rep.run(["log", "call", "--account", "Hamburg Account 3", "--contact", "Hoffmann"])
            #expect(missing.status != 0)
            #expect(missing.errors.contains("no contact \"Hoffmann\" at this account; its contacts: "), "\(missing.errors)")

            let before = try await rep.objects(["activities", "list"]).count
            let future = try await rep.run(["log", "visit", "--account", "Hamburg Account 1", "--day", "2099-06-01"])
            #expect(future.status != 0)
            #expect(future.errors.contains("--day 2099-06-01 is in the future"), "\(future.errors)")
            #expect(future.errors.contains("outpost plan visit"))
            #expect(try await rep.objects(["activities", "list"]).count == before, "nothing was logged")

            try await rep.succeed(["plan", "visit", "--account", "Hamburg Account 1", "--due", "today", "Bring the quote"])
            try await rep.succeed(["plan", "call", "--account", "Hamburg Account 2", "--due", "+3"])
            let today = try await rep.objects(["agenda"])
            #expect(today.map { $0["account"] as? String } == ["Hamburg Account 1"])
            let week = try await rep.objects(["agenda", "--week"])
            #expect(week.map { $0["kind"] as? String } == ["visit", "call"])
            let past = try await rep.run(["plan", "task", "--account", "Hamburg Account 1", "--due", "2020-01-01"])
            #expect(past.status != 0 && past.errors.contains("is in the past"))
        }
    }

    @Test("add refuses a likely duplicate without --force; merge moves children and deletes the duplicate on every device")
    func duplicateAndMerge() async throws {
        try await LiveHub.with { hub in
            let first = try await CLIDevice.enrolled(hub.company.repNorth, on: hub, label: "first")
            let second = try await CLIDevice.enrolled(hub.company.repNorth, on: hub, label: "second")
            let keep = try #require(hub.company.accounts(in: hub.company.north).first { $0.name == "Hamburg Account 1" })

            let refused = try await first.run(["accounts", "add", "name=hamburg  account 1", "city=HAMBURG"])
            #expect(refused.status != 0)
            #expect(refused.errors.contains("this looks like account Hamburg Account 1"), "\(refused.errors)")
            let added = try await first.objects(["accounts", "add", "name=hamburg  account 1", "city=HAMBURG", "--force"])
            let duplicate = try #require(added.first?["id"] as? String)
            #expect(duplicate.filter { $0 != "-" }.dropFirst(12).first == "7", "a device mints time-ordered (version 7) ids: \(duplicate)")
            try await first.succeed(["contacts", "add", "account_id=\(duplicate)", "first_name=Zoe", "last_name=Dupont"])
            try await first.succeed(["sync"])
            try await second.succeed(["sync"])

            try await second.succeed(["accounts", "merge", keep.id.description, ShortID.of(duplicate)])
            try await second.succeed(["sync"])
            try await first.succeed(["sync"])

            let accounts = try await hub.store.accounts(in: [hub.company.north.id])
            #expect(accounts.count == 3, "the duplicate is gone from the server")
            let zoe = try #require(try await hub.store.contacts(of: nil).first { $0.lastName == "Dupont" })
            #expect(zoe.accountID == keep.id)
            let onFirst = try await first.objects(["accounts", "list"]).compactMap { $0["id"] as? String }
            #expect(!onFirst.contains(duplicate) && onFirst.count == 3)
        }
    }

    @Test("a delete concurrent with an update on another device: the update wins and the conflict is listed")
    func deleteVersusUpdate() async throws {
        try await LiveHub.with { hub in
            let first = try await CLIDevice.enrolled(hub.company.repNorth, on: hub, label: "first")
            let second = try await CLIDevice.enrolled(hub.company.repNorth, on: hub, label: "second")
            let account = try #require(hub.company.accounts(in: hub.company.north).first { $0.name == "Hamburg Account 2" })
            let contact = try #require(hub.company.contacts.first { $0.accountID == account.id && $0.firstName == "Ana" })

            try await first.succeed(["contacts", "delete", contact.id.description])
            try await second.succeed(["contacts", "update", contact.id.description, "phone=+49 40 555 0199"])
            try await first.succeed(["sync"])
            try await second.succeed(["sync"])
            try await first.succeed(["sync"])

            let stored = try #require(try await hub.store.contacts(of: [account.id]).first { $0.id == contact.id })
            #expect(stored.phone == "+49 40 555 0199", "the concurrent update wins over the delete")
            let shown = try await first.objects(["contacts", "show", contact.id.description])
            let fields = try #require(shown.first?["fields"] as? [[String: Any]])
            #expect(fields.first { $0["name"] as? String == "phone" }?["value"] as? String == "+49 40 555 0199")
            #expect(shown.first?["deleted"] as? Bool == false)
            let conflicts = try await first.objects(["conflicts", "list"])
            #expect(conflicts.contains { $0["field"] as? String == "(exists)" }, "\(conflicts)")
        }
    }

    @Test("forecast refuses a territory outside the user's scope by name, and shows % of quota and the gap")
    func forecastScopeAndQuota() async throws {
        try await LiveHub.with { hub in
            var batch = RecordBatch()
            batch.quotas = [Quota(userID: hub.company.repNorth.id, territoryID: hub.company.north.id,
                                  period: .quarter(year: 2026, quarter: 4), amount: Money(minorUnits: 15_000_000, currency: .eur))]
            try await hub.store.insert(batch)
            let rep = try await CLIDevice.enrolled(hub.company.repNorth, on: hub)
            let outside = try await rep.run(["forecast", "--period", "2026Q4", "--territory", "South"])
            #expect(outside.status != 0)
            #expect(outside.errors.contains("South is outside your territories (North)"), "\(outside.errors)")
            let shown = try await rep.succeed(["forecast", "--period", "2026Q4"])
            #expect(shown.contains("%Q") && shown.contains("GAP"))
            let north = try #require(shown.split(separator: "\n").first { $0.hasPrefix("North") })
            #expect(north.split(separator: " ").suffix(3) == ["150k", "0%", "150k"], "no Commit yet: 0 % of the 150k quota, all of it the gap: \(north)")
        }
    }

    @Test("lists show the currency beside amounts, the owner to managers, and every cell in full with --wide")
    func listColumns() async throws {
        try await LiveHub.with { hub in
            let rep = try await CLIDevice.enrolled(hub.company.repNorth, on: hub)
            let repList = try await rep.succeed(["opps", "list"])
            #expect(repList.contains("CURRENCY") && repList.contains("EUR") && !repList.contains("OWNER"))
            let manager = try await CLIDevice.enrolled(hub.company.manager, on: hub)
            try await manager.succeed(["accounts", "update", "Hamburg Account 1", "name=Hamburg Account 1 with a name far too long to fit"])
            let wide = try await manager.succeed(["accounts", "list", "--wide"])
            #expect(wide.contains("Hamburg Account 1 with a name far too long to fit"))
            let opps = try await manager.succeed(["opps", "list", "--wide"])
            #expect(opps.contains("OWNER") && opps.contains("rep.north") && opps.contains("rep.south"))
        }
    }
}
