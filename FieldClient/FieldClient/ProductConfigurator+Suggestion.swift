import Configurator
public import OutpostModel

/// A full valid configuration that extends the rep's choices, and the options in it the
/// rep still has to choose (or replace with an alternative).
public struct CompletionSuggestion: Sendable, Equatable {
    /// Every option of the suggested configuration: chosen, forced, and suggested.
    public let included: [ProductOptionID]
    /// The options the rules still need that neither the rep chose nor the choices
    /// force, in the catalog's order: what `--complete cheapest` adds.
    public let needed: [ProductOption]
}

extension ProductConfigurator {
    /// Completes the choices into a full valid configuration, cheapest first by option
    /// price: the open options are ruled out one at a time, the most expensive first
    /// (ties by code), so the rules force in the cheapest alternatives that remain;
    /// nothing is ever left open and no step is a dead end.
    ///
    /// ```swift
    /// let suggestion = try configurator.suggestion(select: ["wifi"], deselect: [])
    /// suggestion.needed.map(\.code)   // every choice still needed, at once
    /// ```
    /// - Throws: `.invalid` for impossible choices, naming what to undo.
    public func suggestion(select: [String], deselect: [String]) throws(ReplicaError) -> CompletionSuggestion {
        let (chosen, initialChoices) = try resolve(select: select, deselect: deselect)
        guard let model else {
            return CompletionSuggestion(included: options.filter { chosen[$0.id] == true }.map(\.id), needed: [])
        }
        var propagator = freshPropagator(model)
        let first = try propagate(&propagator, initialChoices)
        if let conflict = first.conflict { throw ReplicaError(.invalid, model.wording(of: conflict)) }
        let (included, needed) = try completion(chosen: chosen, choices: initialChoices, first: first, propagator: &propagator)
        return CompletionSuggestion(included: included.map(\.id), needed: needed)
    }

    /// The cheapest completion of valid `choices` (naming `chosen`), whose propagation is
    /// `first` on `propagator`: every option it includes, and those of them neither chosen
    /// nor forced by the choices.
    func completion(chosen: [ProductOptionID: Bool], choices: [Int32], first: Propagation,
                    propagator: inout Propagator) throws(ReplicaError) -> (included: [ProductOption], needed: [ProductOption]) {
        let byPrice = options.filter { chosen[$0.id] == nil && $0.variable != nil }
            .sorted { ($1.price.minorUnits, $0.code) < ($0.price.minorUnits, $1.code) }
        let kept = try kept(byPrice, after: choices, propagator: &propagator)
        let included = options.filter { chosen[$0.id] ?? kept.contains($0.id) }
        let needed = included.filter { option in
            guard kept.contains(option.id), let variable = option.variable else { return false }
            return first.state(of: variable) != .forced
        }
        return (included, needed)
    }
}
