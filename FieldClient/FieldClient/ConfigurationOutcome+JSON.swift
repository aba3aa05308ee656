public import OutpostModel

extension ConfigurationOutcome {
    /// The JSON of `outpost configure --json`: this outcome's `valid`, `complete`, `price`
    /// and `options`, and `needed` (each option's id, code, name and price), byte for byte
    /// as `JSONEncoder` writes it pretty-printed with sorted keys and unescaped slashes (the
    /// CLI's `--json` form). Written directly: on a model of 15,000 options the encoder's
    /// generic containers took a quarter of the command's CPU.
    ///
    /// ```swift
    /// FileHandle.standardOutput.write(Data(outcome.prettyJSON(needed: needed)))
    /// ```
    public func prettyJSON(needed: [ProductOption]) -> [UInt8] {
        var json = JSONText(capacity: 400 * (options.count + needed.count) + 4096)
        json.object(0) { json in
            json.key("complete", 1); json.raw(complete ? "true" : "false")
            json.next(); json.key("needed", 1)
            json.array(needed, 1) { json, option in
                json.object(2) { json in
                    json.key("code", 3); json.string(option.code)
                    json.next(); json.key("id", 3); json.string(option.id.description)
                    json.next(); json.key("name", 3); json.string(option.name)
                    json.next(); json.key("price", 3); json.string(option.price.decimalString)
                }
            }
            json.next(); json.key("options", 1)
            json.array(options, 1) { json, option in
                json.object(2) { json in
                    json.key("id", 3); json.string(option.id)
                    json.next(); json.key("name", 3); json.string(option.name)
                    json.next(); json.key("reasons", 3)
                    json.array(option.reasons, 3) { json, reason in json.string(reason) }
                    json.next(); json.key("state", 3); json.string(option.state.rawValue)
                }
            }
            json.next(); json.key("price", 1)
            if let price {
                json.object(1) { json in
                    json.key("amount", 2); json.string(price.amount)
                    json.next(); json.key("currency", 2); json.string(price.currency)
                    json.next(); json.key("price_book", 2); json.string(price.priceBook)
                }
            } else {
                json.raw("null")
            }
            json.next(); json.key("valid", 1); json.raw(valid ? "true" : "false")
        }
        return json.bytes
    }
}

/// Pretty-printed JSON as `JSONEncoder` writes it: two spaces a level, `"key" : value`,
/// an empty array as `[`, a blank line and `]`.
private struct JSONText {
    var bytes: [UInt8] = []

    /// Room for about `capacity` bytes (an option's object with a reason takes about 300).
    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func indent(_ level: Int) { bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level)) }

    /// The separator between two members or elements.
    mutating func next() { bytes.append(contentsOf: ",\n".utf8) }

    mutating func key(_ name: String, _ level: Int) {
        indent(level)
        string(name)
        bytes.append(contentsOf: " : ".utf8)
    }

    /// An object whose members `body` writes at `level + 1`, closed at `level`.
    mutating func object(_ level: Int, _ body: (inout JSONText) -> Void) {
        bytes.append(contentsOf: "{\n".utf8)
        body(&self)
        bytes.append(UInt8(ascii: "\n"))
        indent(level)
        bytes.append(UInt8(ascii: "}"))
    }

    /// An array of `elements`, each written by `element` at `level + 1`, closed at `level`.
    mutating func array<Element>(_ elements: [Element], _ level: Int, _ element: (inout JSONText, Element) -> Void) {
        bytes.append(contentsOf: "[\n".utf8)
        for (index, value) in elements.enumerated() {
            if index > 0 { next() }
            indent(level + 1)
            element(&self, value)
        }
        bytes.append(UInt8(ascii: "\n"))
        indent(level)
        bytes.append(UInt8(ascii: "]"))
    }

    /// `text` quoted, escaped as `JSONEncoder` escapes it without escaping slashes.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        defer { bytes.append(UInt8(ascii: "\"")) }
        let plain = text.utf8.withContiguousStorageIfAvailable { utf8 in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain == true { return }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case 0x0A: bytes.append(contentsOf: "\\n".utf8)
            case 0x0D: bytes.append(contentsOf: "\\r".utf8)
            case 0x09: bytes.append(contentsOf: "\\t".utf8)
            case 0x08: bytes.append(contentsOf: "\\b".utf8)
            case 0x0C: bytes.append(contentsOf: "\\f".utf8)
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
    }
}
