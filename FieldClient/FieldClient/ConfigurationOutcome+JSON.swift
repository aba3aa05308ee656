public import OutpostModel

extension ConfigurationOutcome {
    /// `outpost configure --json`'s text: this outcome's `{complete, options, price,
    /// valid}` and the choices still `needed` (`{code, id, name, price}` each), pretty
    /// printed with sorted keys: byte for byte what `JSONEncoder` writes with
    /// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`, written directly (on an
    /// industrial model's 15,000 options the generic encoder took a seventh of the command).
    public func jsonText(needed: [ProductOption]) -> String {
        var json = PrettyJSON()
        json.reserve(300 * options.count + 200 * needed.count)
        json.begin("{")
        json.key("complete", bool: complete)
        json.key("needed")
        json.begin("[")
        for option in needed {
            json.element()
            json.begin("{")
            json.key("code", option.code)
            json.key("id", option.id.description)
            json.key("name", option.name)
            json.key("price", option.price.decimalString)
            json.end("}")
        }
        json.end("]")
        json.key("options")
        json.begin("[")
        for option in options {
            json.element()
            json.begin("{")
            json.key("id", option.id)
            json.key("name", option.name)
            json.key("reasons")
            json.begin("[")
            for reason in option.reasons {
                json.element()
                json.string(reason)
            }
            json.end("]")
            json.key("state", option.state.rawValue)
            json.end("}")
        }
        json.end("]")
        json.key("price")
        if let price {
            json.begin("{")
            json.key("amount", price.amount)
            json.key("currency", price.currency)
            json.key("price_book", price.priceBook)
            json.end("}")
        } else {
            json.null()
        }
        json.key("valid", bool: valid)
        json.end("}")
        return json.text
    }
}

/// Pretty-printed JSON as `JSONEncoder` lays it out: two spaces per level, `"key" : value`,
/// one member or element a line, an empty container as its brackets around a blank line;
/// strings escaped as it escapes them, slashes left as they are. The caller writes the
/// keys in sorted order.
struct PrettyJSON {
    private var bytes: [UInt8] = []
    /// Per open container: whether it has no member or element yet.
    private var empty: [Bool] = []

    /// The JSON written.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Makes room for `count` bytes.
    mutating func reserve(_ count: Int) { bytes.reserveCapacity(count) }

    /// Opens an object (`{`) or array (`[`).
    mutating func begin(_ bracket: Unicode.Scalar) {
        bytes.append(UInt8(bracket.value))
        empty.append(true)
    }

    /// Closes the innermost container with `}` or `]`.
    mutating func end(_ bracket: Unicode.Scalar) {
        let wasEmpty = empty.removeLast()
        bytes += wasEmpty ? [0x0A, 0x0A] : [0x0A]
        indent()
        bytes.append(UInt8(bracket.value))
    }

    /// Starts the next element of the innermost array.
    mutating func element() {
        bytes += empty[empty.count - 1] ? [0x0A] : [0x2C, 0x0A]
        empty[empty.count - 1] = false
        indent()
    }

    /// Starts the member `key` of the innermost object; its value comes next.
    mutating func key(_ key: String) {
        element()
        string(key)
        bytes += [0x20, 0x3A, 0x20]
    }

    /// The member `key` with a string value.
    mutating func key(_ key: String, _ value: String) {
        self.key(key)
        string(value)
    }

    /// The member `key` with a Boolean value.
    mutating func key(_ key: String, bool value: Bool) {
        self.key(key)
        bytes += Array((value ? "true" : "false").utf8)
    }

    /// `null`.
    mutating func null() { bytes += Array("null".utf8) }

    /// `value` in quotes: `"` and `\` escaped, control characters as `\b`, `\f`, `\n`,
    /// `\r`, `\t` or `\u00XX` (lower-case hex), everything else as its UTF-8.
    mutating func string(_ value: String) {
        bytes.append(0x22)
        var value = value
        value.withUTF8 { utf8 in
            guard utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return bytes.append(contentsOf: utf8) }
            for byte in utf8 {
                switch byte {
                case 0x22: bytes += [0x5C, 0x22]
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x08: bytes += [0x5C, 0x62]
                case 0x0C: bytes += [0x5C, 0x66]
                case 0x0A: bytes += [0x5C, 0x6E]
                case 0x0D: bytes += [0x5C, 0x72]
                case 0x09: bytes += [0x5C, 0x74]
                case 0..<0x20: bytes += [0x5C, 0x75, 0x30, 0x30, Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)]]
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(0x22)
    }

    private mutating func indent() {
        for _ in 0..<2 * empty.count { bytes.append(0x20) }
    }

    private static let hex = Array("0123456789abcdef".utf8)
}
