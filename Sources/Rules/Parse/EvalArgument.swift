/// One argument of an eval rule, `eval:check_for_shifted_date('-6', '-3')`. SpamAssassin hands
/// every argument to the plugin as a string; the parser also offers the number or the regex the
/// text spells, and `text` is always the argument as written (without quotes).
public enum EvalArgument: Sendable, Hashable, CustomStringConvertible {
    case string(String)
    case number(Double, text: String)
    /// A quoted Perl regex such as `'/^127\.0\.0\.2$/'`, already converted.
    case regex(RegexPattern, text: String)

    public var text: String {
        switch self {
        case .string(let text), .number(_, let text), .regex(_, let text): text
        }
    }

    public var number: Double? {
        if case .number(let value, _) = self { return value }
        return nil
    }

    public var regex: RegexPattern? {
        if case .regex(let pattern, _) = self { return pattern }
        return nil
    }

    public var description: String { text }

    /// Classifies the text of one argument.
    init(text: String, quoted: Bool) {
        if let value = Self.number(in: text) {
            self = .number(value, text: text)
        } else if quoted, let first = text.utf8.first, first == UInt8(ascii: "/") || first == UInt8(ascii: "m"),
                  let pattern = try? PerlRegexConverter.convert(text) {
            self = .regex(pattern, text: text)
        } else {
            self = .string(text)
        }
    }

    /// `[+-]?digits[.digits]` or `[+-]?.digits`, the numbers Perl would take whole.
    private static func number(in text: String) -> Double? {
        var bytes = Substring(text).utf8.dropFirst(0)
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        guard !bytes.isEmpty, bytes.allSatisfy({ ByteClass.isDigit($0) || $0 == UInt8(ascii: ".") }),
              bytes.filter({ $0 == UInt8(ascii: ".") }).count <= 1, bytes.contains(where: ByteClass.isDigit) else { return nil }
        return Double(text)
    }
}
