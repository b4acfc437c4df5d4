/// One pass over the body of a Perl regex, copying it to PCRE2 syntax. Tracks escapes,
/// character classes, `\Q…\E` quoting and group depth; see `PerlRegexConverter` for what changes.
struct PerlPatternTranslator {
    private let body: [UInt8]
    private let openDelimiter: UInt8
    private let closeDelimiter: UInt8
    private let extended: Bool
    private var index = 0
    private(set) var output: [UInt8] = []
    private(set) var captureTemplates: [String] = []
    private(set) var capturedTags: [String] = []

    /// Escaped delimiters that mean the same unescaped anywhere in a PCRE2 pattern. (`%` stays
    /// escaped: `\%{NAME}` is the way to write a literal that is not a capture template.)
    private static let plainDelimiters: Set<UInt8> = Set("/!\"&',:;=@~`".utf8)

    init(body: [UInt8], delimiters: (open: UInt8, close: UInt8)?, extended: Bool) {
        self.body = body
        openDelimiter = delimiters?.open ?? 0
        closeDelimiter = delimiters?.close ?? 0
        self.extended = extended
        output.reserveCapacity(body.count + 8)
    }

    mutating func run() throws(RegexConversionError) {
        var groupDepth = 0
        while index < body.count {
            let byte = body[index]
            switch byte {
            case UInt8(ascii: "\\"):
                try copyEscape(inClass: false)
            case UInt8(ascii: "["):
                try copyClass()
            case UInt8(ascii: "("):
                if try copyGroupOpening() { groupDepth += 1 }
            case UInt8(ascii: ")"):
                guard groupDepth > 0 else { throw RegexConversionError("unmatched ')' at offset \(index)") }
                groupDepth -= 1
                emit(byte)
            case UInt8(ascii: "{"):
                copyBrace()
            case UInt8(ascii: "%"):
                copyPercent()
            case UInt8(ascii: "#") where extended:
                // An /x comment runs to the end of the line, which is the end of the rule.
                output.append(contentsOf: body[index...])
                index = body.count
            default:
                copyPlainRun(stoppingAt: Self.specialOutsideClass)
            }
        }
        if groupDepth > 0 { throw RegexConversionError("missing ')': \(groupDepth) group(s) left open") }
    }

    /// Bytes that need a look outside a class, and inside one.
    private static let specialOutsideClass: [Bool] = table("\\[(){%#")
    private static let specialInClass: [Bool] = table("\\[]")

    private static func table(_ bytes: String) -> [Bool] {
        var table = [Bool](repeating: false, count: 256)
        for byte in bytes.utf8 { table[Int(byte)] = true }
        return table
    }

    /// Copies the current byte and every following byte that is not special, in one go.
    private mutating func copyPlainRun(stoppingAt special: [Bool]) {
        var end = index + 1
        while end < body.count, !special[Int(body[end])] { end += 1 }
        output.append(contentsOf: body[index..<end])
        index = end
    }

    private mutating func emit(_ byte: UInt8) {
        output.append(byte)
        index += 1
    }

    private func peek(_ offset: Int) -> UInt8? {
        index + offset < body.count ? body[index + offset] : nil
    }

    private func isDelimiter(_ byte: UInt8) -> Bool {
        openDelimiter != 0 && (byte == openDelimiter || byte == closeDelimiter)
    }

    // MARK: escapes

    private mutating func copyEscape(inClass: Bool) throws(RegexConversionError) {
        guard let next = peek(1) else { throw RegexConversionError("trailing backslash") }
        if isDelimiter(next) && Self.plainDelimiters.contains(next) {
            output.append(next)
            index += 2
            return
        }
        switch next {
        case UInt8(ascii: "Q"):
            index += 2
            output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "Q")])
            copyQuoted()
        case UInt8(ascii: "N") where peek(2) == UInt8(ascii: "{"):
            try copyNamedCharacter()
        case UInt8(ascii: "L"), UInt8(ascii: "U"), UInt8(ascii: "l"), UInt8(ascii: "u"), UInt8(ascii: "F"):
            throw RegexConversionError("\\\(Character(Unicode.Scalar(next))) is a Perl string escape that regexes cannot use")
        case UInt8(ascii: "b"), UInt8(ascii: "B"):
            if !inClass, peek(2) == UInt8(ascii: "{") {
                throw RegexConversionError("Unicode boundary \\\(Character(Unicode.Scalar(next))){…} is not supported")
            }
            copyPair()
        default:
            copyPair()
        }
    }

    private mutating func copyPair() {
        output.append(body[index])
        output.append(body[index + 1])
        index += 2
    }

    /// After `\Q`: everything is literal up to `\E`; an escaped delimiter stands for itself.
    private mutating func copyQuoted() {
        while index < body.count {
            let byte = body[index]
            if byte == UInt8(ascii: "\\"), let next = peek(1) {
                if next == UInt8(ascii: "E") {
                    copyPair()
                    return
                }
                if isDelimiter(next) {
                    output.append(next)
                    index += 2
                    continue
                }
            }
            emit(byte)
        }
    }

    /// `\N{U+hh}` becomes `\x{hh}`; PCRE2 without UTF has no code points above 0xFF and no names.
    private mutating func copyNamedCharacter() throws(RegexConversionError) {
        guard let close = body[(index + 3)...].firstIndex(of: UInt8(ascii: "}")) else {
            throw RegexConversionError("unterminated \\N{…}")
        }
        let name = body[(index + 3)..<close]
        guard name.starts(with: Array("U+".utf8)), name.count > 2,
              name.dropFirst(2).allSatisfy(ByteClass.isHexDigit),
              let value = UInt32(String(decoding: name.dropFirst(2), as: UTF8.self), radix: 16) else {
            throw RegexConversionError("named character \\N{\(String(decoding: name, as: UTF8.self))} is not supported")
        }
        guard value <= 0xFF else {
            throw RegexConversionError("\\N{U+\(String(value, radix: 16, uppercase: true))} is above \\xFF, which byte patterns cannot match")
        }
        output.append(contentsOf: Array("\\x{".utf8) + Array(name.dropFirst(2)) + [UInt8(ascii: "}")])
        index = close + 1
    }

    // MARK: classes

    private mutating func copyClass() throws(RegexConversionError) {
        let start = index
        emit(UInt8(ascii: "["))
        if peek(0) == UInt8(ascii: "^") { emit(UInt8(ascii: "^")) }
        if peek(0) == UInt8(ascii: "]") { emit(UInt8(ascii: "]")) }
        while index < body.count {
            let byte = body[index]
            switch byte {
            case UInt8(ascii: "]"):
                emit(byte)
                return
            case UInt8(ascii: "\\"):
                try copyEscape(inClass: true)
            case UInt8(ascii: "[") where peek(1) == UInt8(ascii: ":") || peek(1) == UInt8(ascii: ".") || peek(1) == UInt8(ascii: "="):
                copyPosixClass()
            default:
                copyPlainRun(stoppingAt: Self.specialInClass)
            }
        }
        throw RegexConversionError("unterminated character class starting at offset \(start)")
    }

    /// `[:alpha:]` inside a class, copied whole so its `]` does not end the class.
    private mutating func copyPosixClass() {
        let kind = body[index + 1]
        var probe = index + 2
        while probe + 1 < body.count {
            if body[probe] == kind && body[probe + 1] == UInt8(ascii: "]") {
                output.append(contentsOf: body[index...(probe + 1)])
                index = probe + 2
                return
            }
            if body[probe] == UInt8(ascii: "]") { break }
            probe += 1
        }
        emit(UInt8(ascii: "["))
    }

    // MARK: groups

    /// Copies `(` and what follows when it matters; false for a bare `(?i)` that opens no group.
    private mutating func copyGroupOpening() throws(RegexConversionError) -> Bool {
        guard peek(1) == UInt8(ascii: "?") else {
            emit(UInt8(ascii: "("))
            return true
        }
        let third = peek(2)
        if third == UInt8(ascii: "{") || (third == UInt8(ascii: "?") && peek(3) == UInt8(ascii: "{")) {
            throw RegexConversionError("embedded Perl code (?{…}) is not supported")
        }
        if third == UInt8(ascii: "<"), let fourth = peek(3), fourth != UInt8(ascii: "="), fourth != UInt8(ascii: "!") {
            recordCapturedTag(from: index + 3, terminator: UInt8(ascii: ">"))
        } else if third == UInt8(ascii: "P"), peek(3) == UInt8(ascii: "<") {
            recordCapturedTag(from: index + 4, terminator: UInt8(ascii: ">"))
        } else if third == UInt8(ascii: "'") {
            recordCapturedTag(from: index + 3, terminator: UInt8(ascii: "'"))
        } else if let third, ByteClass.isLetter(third) || third == UInt8(ascii: "^") || third == UInt8(ascii: "-") {
            if let opensGroup = try copyInlineModifiers() { return opensGroup }
        }
        output.append(contentsOf: [UInt8(ascii: "("), UInt8(ascii: "?")])
        index += 2
        return true
    }

    private mutating func recordCapturedTag(from start: Int, terminator: UInt8) {
        guard start < body.count, ByteClass.isUpperLetter(body[start]),
              let end = body[start...].firstIndex(of: terminator) else { return }
        let name = body[start..<end]
        guard name.allSatisfy(ByteClass.isWord) else { return }
        capturedTags.append(String(decoding: name, as: UTF8.self))
    }

    /// `(?imsx-imsx)` and `(?^aa:`: keeps what PCRE2 knows, drops Perl's charset modifiers.
    /// Returns nil when the group is not a modifier group after all, else whether it opened a group.
    private mutating func copyInlineModifiers() throws(RegexConversionError) -> Bool? {
        var probe = index + 2
        while probe < body.count, ByteClass.isLetter(body[probe]) || body[probe] == UInt8(ascii: "^") || body[probe] == UInt8(ascii: "-") {
            probe += 1
        }
        guard probe < body.count, body[probe] == UInt8(ascii: ")") || body[probe] == UInt8(ascii: ":") else { return nil }
        var kept: [UInt8] = []
        for modifier in body[(index + 2)..<probe] {
            switch modifier {
            case UInt8(ascii: "i"), UInt8(ascii: "m"), UInt8(ascii: "s"), UInt8(ascii: "x"), UInt8(ascii: "n"),
                 UInt8(ascii: "^"), UInt8(ascii: "-"):
                kept.append(modifier)
            case UInt8(ascii: "a"), UInt8(ascii: "d"), UInt8(ascii: "l"), UInt8(ascii: "u"), UInt8(ascii: "p"):
                break
            default:
                throw RegexConversionError("unknown inline modifier '\(Character(Unicode.Scalar(modifier)))' in (?…)")
            }
        }
        while kept.last == UInt8(ascii: "-") { kept.removeLast() }
        let opensGroup = body[probe] == UInt8(ascii: ":")
        index = probe + 1
        if !kept.isEmpty {
            output.append(contentsOf: [UInt8(ascii: "("), UInt8(ascii: "?")] + kept + [body[probe]])
        } else if opensGroup {
            output.append(contentsOf: Array("(?:".utf8))
        }
        return opensGroup
    }

    // MARK: braces and templates

    /// Perl 5.34 reads `{,n}` as `{0,n}`; PCRE2 10.42 would take it literally.
    private mutating func copyBrace() {
        var probe = index + 1
        if peek(1) == UInt8(ascii: ","), index + 2 < body.count, ByteClass.isDigit(body[index + 2]) {
            probe = index + 2
            while probe < body.count, ByteClass.isDigit(body[probe]) { probe += 1 }
            if probe < body.count, body[probe] == UInt8(ascii: "}") {
                output.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "0")])
                index += 1
                return
            }
        }
        emit(UInt8(ascii: "{"))
    }

    /// `%{NAME}` is a SpamAssassin 4 capture template; it is recorded and copied unchanged.
    private mutating func copyPercent() {
        if peek(1) == UInt8(ascii: "{"), index + 2 < body.count, ByteClass.isUpperLetter(body[index + 2]),
           let close = body[(index + 2)...].firstIndex(of: UInt8(ascii: "}")) {
            let inside = body[(index + 2)..<close]
            let nameEnd = inside.firstIndex(of: UInt8(ascii: "(")) ?? inside.endIndex
            let name = inside[..<nameEnd]
            if name.allSatisfy({ ByteClass.isUpperLetter($0) || ByteClass.isDigit($0) || $0 == UInt8(ascii: "_") }),
               nameEnd == inside.endIndex || inside.last == UInt8(ascii: ")") {
                captureTemplates.append(String(decoding: name, as: UTF8.self))
            }
        }
        emit(UInt8(ascii: "%"))
    }
}
