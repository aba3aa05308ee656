import ByteCoding

extension ByteLayout where Value == [[Int32]] {
    /// A rule model's clauses as deltas: `00 01` (layout 1), `clause count`, then per
    /// clause `literal count` and per literal the varint of 2 × zig-zag(its variable −
    /// the previous literal's variable), plus 1 when negative. A clause's first literal
    /// counts from the previous clause's first variable (0 for the first clause).
    ///
    /// Neighbouring clauses and literals name neighbouring variables, so the deltas are
    /// small and repeat: the industrial model's clauses compress to a seventh of the
    /// plain layout. Reads the plain layout too (`clause count`, then per clause `literal
    /// count` and each literal zig-zag), which devices may still hold: a plain layout
    /// starting `00` has no clause and ends there.
    static var clauses: ByteLayout {
        ByteLayout(text: .clauses, write: { clauses, writer in
            writer.varint(0)
            writer.varint(1)
            var first: Int64 = 0
            writer.list(clauses) { clause, writer in
                var previous = first
                writer.list(clause) { literal, writer in
                    let variable = Int64(literal.magnitude)
                    writer.varint(ZigZag.encode(variable - previous) << 1 | (literal < 0 ? 1 : 0))
                    previous = variable
                }
                if let head = clause.first { first = Int64(head.magnitude) }
            }
        }, read: { reader, _ throws(FieldProblem) in
            guard reader.remaining > 1, reader.bytes[reader.offset] == 0 else { return try plainClauses(&reader) }
            _ = try reader.byte()
            let layout = try reader.varint()
            guard layout == 1 else {
                throw .invalid("uses clause layout \(layout), which this version does not know; update Outpost")
            }
            var first: Int64 = 0
            return try reader.list { reader throws(FieldProblem) in
                var previous = first
                let clause = try reader.list { reader throws(FieldProblem) in
                    let code = try reader.varint()
                    let variable = previous &+ ZigZag.decode(code >> 1)
                    guard variable >= 0, let literal = Int32(exactly: code & 1 == 1 ? -variable : variable) else {
                        throw .invalid("holds variable \(variable), which is not a 32-bit variable number")
                    }
                    previous = variable
                    return literal
                }
                if let head = clause.first { first = Int64(head.magnitude) }
                return clause
            }
        })
    }

    /// The plain layout, as written before layout 1.
    private static func plainClauses(_ reader: inout ByteReader<FieldProblem>) throws(FieldProblem) -> [[Int32]] {
        try reader.list { reader throws(FieldProblem) in
            try reader.list { reader throws(FieldProblem) in
                let literal = try reader.signed()
                guard let value = Int32(exactly: literal) else {
                    throw .invalid("holds literal \(literal), which does not fit 32 bits")
                }
                return value
            }
        }
    }
}
