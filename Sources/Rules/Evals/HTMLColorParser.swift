/// SpamAssassin's reading of an HTML colour: a name, `#hex` (padded, shortened, doubled as
/// browsers do), `rgb(r, g, b)` or `rgb(r%, g%, b%)`; anything else is "invalid".
enum HTMLColorParser {
    private static let percent = try! CompiledRegex(#"rgb\((\d+)%,\s*(\d+)%,\s*(\d+)%\s*\)"#, options: .caseless)
    private static let decimal = try! CompiledRegex(#"rgb\((\d+),\s*(\d+),\s*(\d+)\s*\)"#, options: .caseless)
    private static let shape = try! CompiledRegex(#"^[#a-f0-9]*$|rgb\([\d%, ]*\)"#, options: .caseless)

    static func rgb(_ text: String) -> String {
        if let quick = quickRGB(text) { return quick }
        return parsedRGB(text)
    }

    /// `rgb` for the common ASCII shapes, on bytes: `#` and 6 or 3 hex digits, or letters only
    /// (a colour name, else invalid: without `#` or `rgb(` nothing else can come of them).
    /// Nil for any other text. In ASCII, trimming is dropping tab, LF, VT, FF, CR and space.
    static func quickRGB(_ text: String) -> String? {
        var utf8 = text.utf8[...]
        guard utf8.count <= 32, utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        while let first = utf8.first, isASCIISpace(first) { utf8 = utf8.dropFirst() }
        while let last = utf8.last, isASCIISpace(last) { utf8 = utf8.dropLast() }
        guard let first = utf8.first else { return nil }
        if first == UInt8(ascii: "#") {
            let digits = utf8.dropFirst()
            guard digits.count == 6 || digits.count == 3, digits.allSatisfy(ByteClass.isHexDigit) else { return nil }
            var color: [UInt8] = [UInt8(ascii: "#")]
            for digit in digits {
                color.append(ASCII.lower(digit))
                if digits.count == 3 { color.append(ASCII.lower(digit)) }
            }
            return String(decoding: color, as: UTF8.self)
        }
        guard utf8.allSatisfy(ByteClass.isLetter) else { return nil }
        let name = String(decoding: utf8.map(ASCII.lower), as: UTF8.self)
        return HTMLColorNames.rgb[name].map { "#" + hex($0) } ?? "invalid"
    }

    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// `rgb` by the general steps, for any text.
    static func parsedRGB(_ text: String) -> String {
        var color = text.lowercased().trimmingCharacters()
        if let value = HTMLColorNames.rgb[color] { return "#" + hex(value) }
        guard shape.matches(color) else { return "invalid" }
        let bytes = Array(color.utf8)
        if let groups = percent.captureGroups(in: bytes), groups.count == 4 {
            let channels = groups.dropFirst().map { range in range.map { Int(ASCII.string(bytes[$0])) ?? 0 } ?? 0 }
            color = "#" + channels.map { hexByte(Int(Double($0) / 100 * 255)) }.joined()
        }
        let current = Array(color.utf8)
        if let groups = decimal.captureGroups(in: current), groups.count == 4 {
            let channels = groups.dropFirst().map { range in range.map { Int(ASCII.string(current[$0].prefix(9))) ?? 0 } ?? 0 }
            color = "#" + channels.map { String($0, radix: 16) }.map { $0.count < 2 ? "0" + $0 : $0 }.joined()
        }
        guard color.hasPrefix("#") else { return "invalid" }
        var digits = color.filter { $0.isHexDigit }.lowercased()
        if digits.count > 6 { digits = String(digits.prefix(6)) }
        if digits.count > 3 && digits.count < 6 { digits = String(digits.prefix(3)) }
        if digits.count % 3 != 0 { digits += String(repeating: "0", count: 3 - digits.count % 3) }
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        return "#" + digits
    }

    static func hex(_ value: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 6 - text.count)) + text
    }

    static func hexByte(_ value: Int) -> String {
        let text = String(max(0, value), radix: 16)
        return text.count < 2 ? "0" + text : text
    }

    /// The red, green and blue of `#rrggbb` (or `rrggbb`, lower-case hex).
    static func channels(_ color: String) -> (Int, Int, Int)? {
        var utf8 = color.utf8[...]
        if utf8.first == UInt8(ascii: "#") { utf8 = utf8.dropFirst() }
        guard utf8.count == 6 else { return nil }
        var value = 0
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value << 4 | Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = value << 4 | Int(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
    }
}
