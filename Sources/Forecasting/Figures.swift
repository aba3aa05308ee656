public import OutpostModel

/// A forecast as sales managers read it: cumulative figures.
///
/// - Closed: won.
/// - Commit forecast = Commit + Closed.
/// - Best Case forecast = Best Case + Commit + Closed.
/// - Open pipeline = Pipeline + Best Case + Commit (what is still open).
/// - Omitted counts nowhere.
///
/// Reps submit figures in this form, and managers adjust them in this form: an
/// adjustment of `commit` replaces the Commit forecast.
public struct Figures: Hashable, Sendable, Encodable {
    /// Won.
    public var closed: Amounts
    /// Commit forecast.
    public var commit: Amounts
    /// Best Case forecast.
    public var bestCase: Amounts
    /// Open pipeline.
    public var pipeline: Amounts

    enum CodingKeys: String, CodingKey {
        case closed, commit, pipeline
        case bestCase = "best_case"
    }

    /// Creates figures.
    public init(closed: Amounts = .zero, commit: Amounts = .zero, bestCase: Amounts = .zero, pipeline: Amounts = .zero) {
        self.closed = closed
        self.commit = commit
        self.bestCase = bestCase
        self.pipeline = pipeline
    }

    /// No figures.
    public static let zero = Figures()

    /// The figures of a submission: each category's amount read as that cumulative
    /// figure (Omitted is ignored).
    public init(submitted amounts: [ForecastCategory: Money]) {
        self.init()
        for (category, money) in amounts { self[category] = Amounts(money) }
    }

    /// The figure a category names (`omitted` reads as zero and cannot be set).
    public subscript(category: ForecastCategory) -> Amounts {
        get {
            switch category {
            case .closed: closed
            case .commit: commit
            case .bestCase: bestCase
            case .pipeline: pipeline
            case .omitted: .zero
            }
        }
        set {
            switch category {
            case .closed: closed = newValue
            case .commit: commit = newValue
            case .bestCase: bestCase = newValue
            case .pipeline: pipeline = newValue
            case .omitted: break
            }
        }
    }

    /// Figure by figure.
    public static func + (lhs: Figures, rhs: Figures) -> Figures {
        Figures(closed: lhs.closed + rhs.closed, commit: lhs.commit + rhs.commit,
                bestCase: lhs.bestCase + rhs.bestCase, pipeline: lhs.pipeline + rhs.pipeline)
    }
}
