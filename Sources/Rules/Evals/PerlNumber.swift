/// Perl's reading of a string as a number: leading white space, an optional sign, digits with an
/// optional fraction and exponent, or "inf"/"nan"; anything else counts as 0.
enum PerlNumber {
    static func value(_ text: String) -> Double {
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count, bytes[index] == 0x20 || (0x09...0x0D).contains(bytes[index]) { index += 1 }
        let start = index
        if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
        let rest = String(decoding: bytes[index...], as: UTF8.self).lowercased()
        let negative = index > start && bytes[start] == UInt8(ascii: "-")
        if rest.hasPrefix("inf") { return negative ? -.infinity : .infinity }
        if rest.hasPrefix("nan") { return .nan }
        var end = index
        var digits = 0
        while end < bytes.count, ByteClass.isDigit(bytes[end]) { end += 1; digits += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: ".") {
            end += 1
            while end < bytes.count, ByteClass.isDigit(bytes[end]) { end += 1; digits += 1 }
        }
        guard digits > 0 else { return 0 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "e") || bytes[end] == UInt8(ascii: "E") {
            var probe = end + 1
            if probe < bytes.count, bytes[probe] == UInt8(ascii: "+") || bytes[probe] == UInt8(ascii: "-") { probe += 1 }
            if probe < bytes.count, ByteClass.isDigit(bytes[probe]) {
                end = probe
                while end < bytes.count, ByteClass.isDigit(bytes[end]) { end += 1 }
            }
        }
        return Double(String(decoding: bytes[start..<end], as: UTF8.self)) ?? 0
    }

    /// The number as an Int, truncated, clamped to Int's range (nan reads as 0).
    static func integer(_ value: Double) -> Int {
        guard !value.isNaN else { return 0 }
        if value >= 9.0e18 { return Int.max }
        if value <= -9.0e18 { return Int.min }
        return Int(value)
    }

    /// The comparison `value OP n` that html_eval and html_tag_balance build from text such as
    /// "< 384" or "!= 0"; nil when the expression is not one comparison with a number.
    static func comparison(_ expression: String) -> (@Sendable (Double) -> Bool)? {
        let trimmed = expression.trimmingSpaces
        for op in ["==", "!=", "<=", ">=", "<", ">"] where trimmed.hasPrefix(op) {
            let operandText = String(trimmed.dropFirst(op.count)).trimmingSpaces
            guard !operandText.isEmpty,
                  operandText.utf8.allSatisfy({ ByteClass.isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "+") || $0 == 0x20 })
            else { return nil }
            let operand = value(operandText)
            switch op {
            case "==": return { $0 == operand }
            case "!=": return { $0 != operand }
            case "<=": return { $0 <= operand }
            case ">=": return { $0 >= operand }
            case "<": return { $0 < operand }
            default: return { $0 > operand }
            }
        }
        return nil
    }
}
