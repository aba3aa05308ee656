import ByteCoding

extension ByteWriter {
    /// `count`, then what `element` writes of each of `elements`, in order: how every
    /// list inside a record's nested values is laid out (`Protocol/RECORDS.md`).
    mutating func list<Element>(_ elements: [Element], _ element: (Element, inout ByteWriter) -> Void) {
        varint(elements.count)
        for item in elements { element(item, &self) }
    }
}

extension ByteReader where Failure == FieldProblem {
    /// What ``ByteWriter/list(_:_:)`` writes: a count, named `what` when it is over the
    /// bytes left, then as many elements, each read by `element`.
    mutating func list<Element>(
        of what: String = "an element count", _ element: (inout ByteReader) throws(FieldProblem) -> Element
    ) throws(FieldProblem) -> [Element] {
        var elements: [Element] = []
        for _ in 0..<(try count(of: what)) { elements.append(try element(&self)) }
        return elements
    }
}
