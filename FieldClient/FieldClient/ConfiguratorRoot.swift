import ByteCoding
import Configurator
import OutpostProtocol

/// What a product's rules alone force and exclude, as part of the product's compiled
/// form (``CompiledProduct``): each forced or excluded variable's explanation (its effect
/// and the clauses that imply it; such an explanation cites no choice), so a configurator
/// starts from them instead of proving each again with the SAT solver
/// (``Configurator/Propagator/init(model:root:)``).
///
/// explanation count · per explanation: effect (zig-zag) · clause count · each clause
/// index as zig-zag of its difference from the previous one (from 0).
enum ConfiguratorRoot {
    /// Writes `consequences` to `writer`.
    static func write(_ consequences: [Explanation], to writer: inout ByteWriter) {
        writer.varint(consequences.count)
        for explanation in consequences {
            writer.signed(Int64(explanation.effect))
            writer.varint(explanation.clauses.count)
            var previous = 0
            for clause in explanation.clauses {
                writer.signed(Int64(clause - previous))
                previous = clause
            }
        }
    }

    /// The explanations `reader` holds next (checked against the model by
    /// ``Configurator/Propagation/init(model:rootConsequences:)``).
    /// - Throws: ``ProtocolError`` when the bytes are not a configurator root.
    static func read(_ reader: inout ByteReader<ProtocolError>) throws(ProtocolError) -> [Explanation] {
        let count = try reader.count(of: "root explanations")
        var consequences: [Explanation] = []
        consequences.reserveCapacity(count)
        for _ in 0..<count {
            guard let effect = Int32(exactly: try reader.signed()) else { throw ProtocolError(.malformed, "an effect beyond 32 bits") }
            var clauses: [Int] = []
            var previous = 0
            for _ in 0..<(try reader.count(of: "explanation clauses")) {
                previous &+= Int(truncatingIfNeeded: try reader.signed())
                clauses.append(previous)
            }
            consequences.append(Explanation(effect: effect, choices: [], clauses: clauses))
        }
        return consequences
    }
}
