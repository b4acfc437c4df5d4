/// A scalar value as `config show` writes it; `text` is valid TOML that reads back to the same value.
enum TOMLLiteral: Equatable {
    case string(String)
    case integer(Int)
    case float(Double)
    case bool(Bool)
    case strings([String])

    var text: String {
        switch self {
        case .string(let value): return Self.basicString(value)
        case .integer(let value): return String(value)
        case .float(let value): return Self.float(value)
        case .bool(let value): return value ? "true" : "false"
        case .strings(let values): return "[" + values.map(Self.basicString).joined(separator: ", ") + "]"
        }
    }

    /// Swift prints the shortest text that reads back to the same Double ("5.0", "1e-05",
    /// "1e+20"), and each of those is a valid TOML float.
    private static func float(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return value.description
    }

    private static func basicString(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16, uppercase: true)
                text += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text + "\""
    }
}
