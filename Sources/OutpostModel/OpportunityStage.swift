/// The sales stages an opportunity moves through, each with its default
/// probability and forecast category.
public enum OpportunityStage: String, Hashable, Sendable, Codable, CaseIterable {
    case prospecting
    case qualification
    case proposal
    case negotiation
    case closedWon = "closed_won"
    case closedLost = "closed_lost"

    /// Parses a stage name.
    /// - Throws: `ValidationError` naming the valid stages.
    public init(parsing text: String) throws(ValidationError) {
        guard let stage = OpportunityStage(rawValue: text.lowercased()) else {
            let valid = OpportunityStage.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError(.badFormat, field: "stage", "must be one of \(valid) (got \"\(text)\")")
        }
        self = stage
    }

    /// The probability in percent that a new opportunity at this stage gets.
    public var defaultProbability: Int {
        switch self {
        case .prospecting: 10
        case .qualification: 25
        case .proposal: 50
        case .negotiation: 75
        case .closedWon: 100
        case .closedLost: 0
        }
    }

    /// The forecast category this stage maps to.
    public var forecastCategory: ForecastCategory {
        switch self {
        case .prospecting, .qualification: .pipeline
        case .proposal: .bestCase
        case .negotiation: .commit
        case .closedWon: .closed
        case .closedLost: .omitted
        }
    }

    /// Whether the opportunity is finished, won or lost.
    public var isClosed: Bool { self == .closedWon || self == .closedLost }
}
