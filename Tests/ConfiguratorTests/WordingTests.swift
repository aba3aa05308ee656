import Configurator
import Testing

@Suite("Explanations and conflicts in words")
struct WordingTests {
    static let model: DIMACSModel = {
        let text = """
            c 1 Sport
            c 2 Turbo
            c 3 Eco
            c 4 Tow bar
            p cnf 5 11
            -1 2 0
            -2 -3 0
            1 0
            -5 0
            1 3 4 0
            -1 2 3 0
            -1 -2 -4 0
            -1 -2 3 4 0
            -1 -4 2 0
            3 3 4 0
            -1 -2 -3 0

            """
        return try! DIMACSModel(parsing: text)
    }()

    @Test("Each clause shape reads as a rule, with “option N” for an unnamed variable", arguments: [
        (0, "“Sport” requires “Turbo”"),
        (1, "“Turbo” excludes “Eco”"),
        (2, "“Sport” is always included"),
        (3, "“option 5” is never available"),
        (4, "one of “Sport”, “Eco” or “Tow bar” is always included"),
        (5, "“Sport” requires “Turbo” or “Eco”"),
        (6, "“Sport”, “Turbo” and “Tow bar” cannot all be combined"),
        (7, "“Sport” and “Turbo” together require “Eco” or “Tow bar”"),
        (8, "“Sport” and “Tow bar” together require “Turbo”"),
        (9, "one of “Eco” or “Tow bar” is always included"),
    ])
    func clauses(index: Int, wording: String) {
        #expect(Self.model.wording(ofClause: index) == wording)
    }

    @Test("Choices, effects and an explanation read as sentences")
    func explanation() throws {
        #expect(Self.model.wording(ofChoice: 2) == "you chose “Turbo”")
        #expect(Self.model.wording(ofChoice: -4) == "you ruled out “Tow bar”")
        let car = try DIMACSModel(parsing: "c 1 Sport\nc 2 Turbo\nc 3 Eco\nc 4 Tow bar\np cnf 4 3\n1 0\n-1 2 0\n-2 -3 0\n")
        let result = try Propagation(model: car, choices: [-4])
        let eco = try #require(result.explanation(of: 3))
        #expect(car.wording(of: eco) == "“Eco” is not available: “Sport” is always included; “Sport” requires “Turbo”; “Turbo” excludes “Eco”.")
        let towBar = try #require(result.explanation(of: 4))
        #expect(car.wording(of: towBar) == "“Tow bar” is not available: you ruled out “Tow bar”.")
        let why = Explanation(effect: 2, choices: [1], clauses: [0])
        #expect(Self.model.wording(of: why) == "“Turbo” is required: you chose “Sport”; “Sport” requires “Turbo”.")
    }

    @Test("Explanations worded with a shared memo of clause wordings read the same, each clause worded once")
    func sharedClauseWordings() {
        let model = Self.model
        let explanations = [Explanation(effect: 2, choices: [1], clauses: [0]), Explanation(effect: -3, choices: [1], clauses: [0, 1]),
                            Explanation(effect: 1, choices: [], clauses: [2]), Explanation(effect: -3, choices: [], clauses: [2, 0, 1])]
        var clauseWordings: [Int: String] = [:]
        for explanation in explanations {
            #expect(model.wording(of: explanation, clauseWordings: &clauseWordings) == model.wording(of: explanation))
        }
        #expect(clauseWordings == Dictionary(uniqueKeysWithValues: (0...2).map { ($0, model.wording(ofClause: $0)) }))
    }

    @Test("A conflict names the clash and what to undo; contradictory rules say the model needs fixing")
    func conflict() {
        let conflict = Conflict(choices: [3, -2], clauses: [2, 0], undo: [-2])
        #expect(Self.model.wording(of: conflict) == "These choices cannot be combined: you chose “Eco”; you ruled out “Turbo”; “Sport” is always included; “Sport” requires “Turbo”. To go on, undo ruling out “Turbo”.")
        let rules = Conflict(choices: [], clauses: [3], undo: [])
        #expect(Self.model.wording(of: rules).hasPrefix("The product's rules contradict each other: “option 5” is never available."))
    }

    @Test("Names on the PC model come from its `c N NAME` lines")
    func pcNames() throws {
        let model = try BenchmarkModels.model(BenchmarkModels.pc)
        #expect(model.optionName(10) == "“i3-7350K Kaby Lake”")
        #expect(model.wording(ofClause: 1) == "“Processor” requires “PC RICHMOND F”")
    }
}
