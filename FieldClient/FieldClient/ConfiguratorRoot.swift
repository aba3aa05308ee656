import ByteCoding
import Configurator
import OutpostProtocol

/// What a product's rules alone force and exclude, as a replica keeps it, sealed in
/// `configurator_root`: each forced or excluded variable's explanation (its effect and
/// the clauses that imply it; such an explanation cites no choice), so a configurator
/// starts from them instead of proving each again with the SAT solver
/// (``Configurator/Propagator/init(model:root:)``).
///
/// `01` · explanation count · per explanation: effect (zig-zag) · clause count · each
/// clause index as zig-zag of its difference from the previous one (from 0).
enum ConfiguratorRoot {
    /// The bytes of `consequences`.
    static func encode(_ consequences: [Explanation]) -> [UInt8] {
        var writer = ByteWriter()
        writer.byte(tag)
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
        return writer.bytes
    }

    /// The explanations `bytes` hold (checked against the model by
    /// ``Configurator/Propagation/init(model:rootConsequences:)``).
    /// - Throws: ``ProtocolError`` when the bytes are not a configurator root.
    static func decode(_ bytes: [UInt8]) throws(ProtocolError) -> [Explanation] {
        var reader = ByteReader<ProtocolError>(bytes)
        guard try reader.byte() == tag else { throw ProtocolError(.malformed, "not a configurator root") }
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
        try reader.expectEnd(of: "a configurator root")
        return consequences
    }

    private static let tag: UInt8 = 1
}
