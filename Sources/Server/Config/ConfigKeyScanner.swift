/// The byte scanner behind `ConfigKeyLocator`. Every loop advances at least one byte per turn,
/// so any input, however broken, is scanned in linear time.
struct ConfigKeyScanner {
    private(set) var lines: [[String]: Int] = [:]
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var currentTable: [String] = []
    /// Last element index of each array of tables, by resolved path.
    private var arrayIndices: [[String]: Int] = [:]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func scan() {
        while true {
            skipBlankLinesAndComments()
            guard let byte = peek() else { return }
            if byte == UInt8(ascii: "[") {
                tableHeader()
            } else {
                keyValue(in: currentTable)
            }
            skipRestOfLine()
        }
    }

    // MARK: Structure

    private mutating func tableHeader() {
        let headerLine = line
        let isArray = peek(1) == UInt8(ascii: "[")
        advance(isArray ? 2 : 1)
        let key = dottedKey()
        guard !key.isEmpty else { return }
        let path = resolve(key)
        record(path, headerLine)
        if isArray {
            let index = (arrayIndices[path] ?? -1) + 1
            arrayIndices[path] = index
            currentTable = path + [ConfigKeyPath.index(index)]
            record(currentTable, headerLine)
        } else {
            currentTable = path
        }
    }

    /// Inserts the current element index after each prefix that names an array of tables, so
    /// `[a.b]` after `[[a]]` means `a[n].b`. The last component is left alone: `[[a]]` again
    /// means a new element of `a`, not a table inside the current one.
    private func resolve(_ key: [String]) -> [String] {
        var path: [String] = []
        for component in key.dropLast() {
            path.append(component)
            if let index = arrayIndices[path] { path.append(ConfigKeyPath.index(index)) }
        }
        path.append(key[key.count - 1])
        return path
    }

    private mutating func keyValue(in table: [String]) {
        let keyLine = line
        let key = dottedKey()
        guard !key.isEmpty else { return }
        skipSpaces()
        guard peek() == UInt8(ascii: "=") else { return }
        advance(1)
        let path = table + key
        record(path, keyLine)
        skipSpaces()
        value(at: path)
    }

    private mutating func value(at path: [String]) {
        guard let byte = peek() else { return }
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            skipString()
        case UInt8(ascii: "["):
            array(at: path)
        case UInt8(ascii: "{"):
            inlineTable(at: path)
        default:
            // Numbers, booleans, dates (which may hold a space): up to a delimiter.
            while let byte = peek(), !Self.endsScalar(byte) { advance(1) }
        }
    }

    private mutating func array(at path: [String]) {
        advance(1)
        var index = 0
        while true {
            skipBlankLinesAndComments()
            guard let byte = peek() else { return }
            switch byte {
            case UInt8(ascii: "]"):
                advance(1)
                return
            case UInt8(ascii: ","):
                advance(1)
            default:
                let element = path + [ConfigKeyPath.index(index)]
                record(element, line)
                let before = position
                value(at: element)
                if position == before { advance(1) }
                index += 1
            }
        }
    }

    private mutating func inlineTable(at path: [String]) {
        advance(1)
        while true {
            skipBlankLinesAndComments()
            guard let byte = peek() else { return }
            switch byte {
            case UInt8(ascii: "}"):
                advance(1)
                return
            case UInt8(ascii: ","):
                advance(1)
            default:
                let before = position
                keyValue(in: path)
                if position == before { advance(1) }
            }
        }
    }

    /// Records the path and every prefix not yet seen: `[a.b.c]` also implies `a` and `a.b`.
    private mutating func record(_ path: [String], _ line: Int) {
        var prefix: [String] = []
        for component in path {
            prefix.append(component)
            if lines[prefix] == nil { lines[prefix] = line }
        }
    }

    // MARK: Keys

    private mutating func dottedKey() -> [String] {
        var components: [String] = []
        while true {
            skipSpaces()
            guard let component = simpleKey() else { return components }
            components.append(component)
            skipSpaces()
            guard peek() == UInt8(ascii: ".") else { return components }
            advance(1)
        }
    }

    private mutating func simpleKey() -> String? {
        guard let byte = peek() else { return nil }
        if byte == UInt8(ascii: "\"") { return basicStringKey() }
        if byte == UInt8(ascii: "'") { return literalStringKey() }
        let start = position
        while let byte = peek(), Self.isBareKeyByte(byte) { advance(1) }
        guard position > start else { return nil }
        return String(decoding: bytes[start..<position], as: UTF8.self)
    }

    private mutating func literalStringKey() -> String {
        advance(1)
        let start = position
        while let byte = peek(), byte != UInt8(ascii: "'"), byte != UInt8(ascii: "\n") { advance(1) }
        let key = String(decoding: bytes[start..<position], as: UTF8.self)
        if peek() == UInt8(ascii: "'") { advance(1) }
        return key
    }

    private mutating func basicStringKey() -> String {
        advance(1)
        var key: [UInt8] = []
        while let byte = peek(), byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\n") {
            advance(1)
            guard byte == UInt8(ascii: "\\"), let escaped = peek() else {
                key.append(byte)
                continue
            }
            advance(1)
            switch escaped {
            case UInt8(ascii: "b"): key.append(0x08)
            case UInt8(ascii: "t"): key.append(0x09)
            case UInt8(ascii: "n"): key.append(0x0A)
            case UInt8(ascii: "f"): key.append(0x0C)
            case UInt8(ascii: "r"): key.append(0x0D)
            case UInt8(ascii: "u"): key += unicodeEscape(digits: 4)
            case UInt8(ascii: "U"): key += unicodeEscape(digits: 8)
            default: key.append(escaped)
            }
        }
        if peek() == UInt8(ascii: "\"") { advance(1) }
        return String(decoding: key, as: UTF8.self)
    }

    private mutating func unicodeEscape(digits: Int) -> [UInt8] {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let byte = peek(), let digit = Self.hexValue(byte) else { break }
            value = value << 4 | digit
            advance(1)
        }
        guard let scalar = Unicode.Scalar(value) else { return [] }
        return Array(String(Character(scalar)).utf8)
    }

    // MARK: Skipping

    private mutating func skipString() {
        guard let quote = peek() else { return }
        if peek(1) == quote, peek(2) == quote {
            advance(3)
            skipMultilineString(quote: quote)
            return
        }
        advance(1)
        while let byte = peek(), byte != UInt8(ascii: "\n") {
            advance(1)
            if byte == quote { return }
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\""), peek() != UInt8(ascii: "\n") { advance(1) }
        }
    }

    private mutating func skipMultilineString(quote: UInt8) {
        while let byte = peek() {
            if byte == UInt8(ascii: "\\"), quote == UInt8(ascii: "\"") {
                advance(2)
                continue
            }
            if byte == quote, peek(1) == quote, peek(2) == quote {
                advance(3)
                // Up to two more quotes may close the string: `""""` ends with a quote in it.
                for _ in 0..<2 where peek() == quote { advance(1) }
                return
            }
            advance(1)
        }
    }

    private mutating func skipSpaces() {
        while let byte = peek(), byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") { advance(1) }
    }

    private mutating func skipBlankLinesAndComments() {
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), UInt8(ascii: "\n"):
                advance(1)
            case UInt8(ascii: "#"):
                while let byte = peek(), byte != UInt8(ascii: "\n") { advance(1) }
            default:
                return
            }
        }
    }

    private mutating func skipRestOfLine() {
        while let byte = peek(), byte != UInt8(ascii: "\n") { advance(1) }
    }

    // MARK: Bytes

    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    /// The only place the position moves, so line counting cannot be forgotten.
    private mutating func advance(_ count: Int) {
        for _ in 0..<count where position < bytes.count {
            if bytes[position] == UInt8(ascii: "\n") { line += 1 }
            position += 1
        }
    }

    private static func endsScalar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            return true
        default:
            return false
        }
    }

    /// ASCII bare-key bytes, plus any non-ASCII byte: TOML 1.1 allows Unicode letters there.
    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        ConfigKeyPath.isBareKeyByte(byte) || byte >= 0x80
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }
}
