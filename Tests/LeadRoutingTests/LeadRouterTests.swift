import LeadRouting
import PropertyBased
import Testing

@Suite("Web-to-lead assignment rules")
struct LeadRouterTests {
    let bavaria = AssignmentRule(name: "bavaria", priority: 10, country: "DE", postcodePrefixes: ["80", "81", "90"], territory: "Bavaria")
    let germany = AssignmentRule(name: "germany", priority: 20, country: "de", territory: "Germany")
    let robots = AssignmentRule(name: "robots", priority: 5, industry: "Robotics", productInterest: "Arm-7", territory: "Automation")

    @Test("the first matching rule by priority decides, and each criterion says why")
    func firstMatchWins() throws {
        let rules = [germany, bavaria, robots]
        let munich = LeadFacts(country: "DE", postcode: "80 331", industry: "Retail")
        let match = try #require(LeadRouter.match(rules, facts: munich))
        #expect(match.rule.name == "bavaria")
        #expect(match.checks.map(\.text) == ["country DE is DE", "postcode 80331 starts with 80"])
        let all = LeadRouter.evaluate(rules, facts: munich)
        #expect(all.map(\.rule.name) == ["robots", "bavaria", "germany"])
        #expect(all[0].checks.map(\.text) == ["industry Retail is not Robotics", "product interest (none) is not Arm-7"])
        #expect(LeadRouter.match(rules, facts: LeadFacts(country: "DE", postcode: "10115"))?.rule.name == "germany")
        #expect(LeadRouter.match(rules, facts: LeadFacts(country: " de ", postcode: "10115"))?.rule.name == "germany",
                "text compares without case or surrounding spaces")
        #expect(LeadRouter.match(rules, facts: LeadFacts(country: "FR", postcode: "80331")) == nil)
        let missing = RuleEvaluation(rule: bavaria, facts: LeadFacts(country: "DE"))
        #expect(!missing.matched && missing.checks[1].text == "postcode (none) starts with none of 80, 81, 90")
    }

    @Test("the rep with the fewest open leads takes the lead; ties go to the least recently assigned")
    func fewestOpenLeads() {
        let ana = RepCandidate(userID: "a", name: "ana", openLeads: 2, lastAssignedAt: 100)
        let ben = RepCandidate(userID: "b", name: "ben", openLeads: 1, lastAssignedAt: 300)
        let cem = RepCandidate(userID: "c", name: "cem", openLeads: 1, lastAssignedAt: 200)
        let dan = RepCandidate(userID: "d", name: "dan", openLeads: 1, lastAssignedAt: nil)
        #expect(LeadRouter.choose([ana, ben, cem]) == cem)
        #expect(LeadRouter.choose([ana, ben, cem, dan]) == dan, "never assigned counts as longest ago")
        #expect(LeadRouter.choose([]) == nil)
    }

    @Test("the chosen rep has no more open leads than any other, whatever the order of candidates")
    func choiceIsMinimal() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...5).array(of: 1...8), Gen.int(in: 0...3).array(of: 8)) { opens, times in
            let candidates = opens.enumerated().map { index, open in
                RepCandidate(userID: "\(index)", name: "rep\(index)", openLeads: open,
                             lastAssignedAt: times[index] == 0 ? nil : Int64(times[index]))
            }
            let chosen = LeadRouter.choose(candidates)
            #expect(chosen.map { pick in candidates.allSatisfy { $0.openLeads >= pick.openLeads } } == true)
            #expect(LeadRouter.choose(candidates.reversed()) == chosen)
        }
    }
}
