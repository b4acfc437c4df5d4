/// Reads the part of a rule line after the rule name: a delimited regex, a header test,
/// `exists:Header`, `eval:function(args)` or a meta expression.
enum RuleDefinitionParser {
    static func parse(directive: String, name: String, definition: [UInt8], location: SourceLocation,
                      metaLimits: MetaExpressionParser.Limits) throws(RuleSyntaxError) -> RuleDefinition {
        func make(_ kind: RuleKind, _ test: RuleTest, _ literal: PerlRegexLiteral? = nil) -> RuleDefinition {
            RuleDefinition(name: name, kind: kind, test: test, location: location, literal: literal)
        }
        switch directive {
        case "header":
            if let call = try evalCall(in: definition, prefixes: ["eval:", "rbleval:"]) { return make(.header, call) }
            if definition.starts(with: Array("exists:".utf8)) { return make(.header, try existsTest(definition.dropFirst(7))) }
            let (test, literal) = try headerTest(definition, mimeHeader: false)
            return make(.header, .header(test), literal)
        case "mimeheader":
            if let call = try evalCall(in: definition, prefixes: ["eval:"]) { return make(.mimeheader, call) }
            let (test, literal) = try headerTest(definition, mimeHeader: true)
            return make(.mimeheader, .header(test), literal)
        case "body", "rawbody", "full", "uri":
            let kind = RuleKind(rawValue: directive)!
            if let call = try evalCall(in: definition, prefixes: ["eval:"]) { return make(kind, call) }
            let (pattern, literal) = try regex(definition[...])
            return make(kind, .pattern(pattern), literal)
        case "meta":
            return make(.meta, .meta(try metaExpression(definition, limits: metaLimits)))
        case "askdns":
            // query, then optionally a record type, then optionally a subtest (which may hold spaces)
            let arguments = definition.split(maxSplits: 2, whereSeparator: ByteClass.isSpace).map { ByteClass.trimmingSpaces(String(decoding: $0, as: UTF8.self)) }
            guard !arguments.isEmpty else { throw RuleSyntaxError("askdns needs: NAME query [type [subtest]]") }
            return make(.askdns, .plugin(directive: "askdns", arguments: arguments))
        default:
            throw RuleSyntaxError("\(directive) does not define rules")
        }
    }

    private static func evalCall(in definition: [UInt8], prefixes: [String]) throws(RuleSyntaxError) -> RuleTest? {
        for prefix in prefixes where definition.starts(with: Array(prefix.utf8)) {
            let call = try EvalCall(parsing: definition.dropFirst(prefix.utf8.count))
            return .eval(function: call.function, arguments: call.arguments)
        }
        return nil
    }

    static func regex(_ text: ArraySlice<UInt8>) throws(RuleSyntaxError) -> (RegexPattern, PerlRegexLiteral) {
        do {
            let literal = try PerlRegexLiteral(parsing: text)
            let pattern = try PerlRegexConverter.translate(literal, perlText: String(decoding: text, as: UTF8.self))
            return (pattern, literal)
        } catch {
            throw RuleSyntaxError("invalid regex \(String(decoding: text.prefix(200), as: UTF8.self)): \(error.reason)")
        }
    }

    /// `exists:Name` (a trailing colon is allowed).
    private static func existsTest(_ text: ArraySlice<UInt8>) throws(RuleSyntaxError) -> RuleTest {
        var name = text
        if name.last == UInt8(ascii: ":") { name = name.dropLast() }
        guard !name.isEmpty, name.allSatisfy(isHeaderNameByte) else {
            throw RuleSyntaxError("exists: needs a header name, not '\(String(decoding: text, as: UTF8.self))'")
        }
        return .exists(HeaderSelector(name: String(decoding: name, as: UTF8.self)))
    }

    /// `Name[:modifier[:modifier]] =~ /re/ [if-unset: text]`, `!~` negates. `mimeheader` allows
    /// only `:raw`.
    private static func headerTest(_ definition: [UInt8], mimeHeader: Bool) throws(RuleSyntaxError) -> (HeaderTest, PerlRegexLiteral) {
        var index = 0
        while index < definition.count, mimeHeader ? !(definition[index] == UInt8(ascii: ":") || ByteClass.isSpace(definition[index]) || definition[index] == UInt8(ascii: "=") || definition[index] == UInt8(ascii: "!")) : isHeaderNameByte(definition[index]) {
            index += 1
        }
        guard index > 0 else { throw RuleSyntaxError("header rule needs: Header =~ /pattern/") }
        let name = String(decoding: definition[..<index], as: UTF8.self)
        var modifiers: [HeaderModifier] = []
        while index < definition.count, definition[index] == UInt8(ascii: ":") {
            index += 1
            let start = index
            while index < definition.count, ByteClass.isLetter(definition[index]) { index += 1 }
            if start == index { break }
            let word = String(decoding: definition[start..<index], as: UTF8.self)
            guard let modifier = HeaderModifier(rawValue: word), !mimeHeader || modifier == .raw else {
                throw RuleSyntaxError("invalid header modifier :\(word) (known: \(mimeHeader ? "raw" : HeaderModifier.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            modifiers.append(modifier)
        }
        if modifiers.count > 2 { throw RuleSyntaxError("at most two modifiers after a header name") }
        while index < definition.count, ByteClass.isSpace(definition[index]) { index += 1 }
        guard index + 1 < definition.count, definition[index] == UInt8(ascii: "=") || definition[index] == UInt8(ascii: "!"),
              definition[index + 1] == UInt8(ascii: "~") else {
            throw RuleSyntaxError("header rule needs =~ or !~ after \(name)")
        }
        let negated = definition[index] == UInt8(ascii: "!")
        index += 2
        while index < definition.count, ByteClass.isSpace(definition[index]) { index += 1 }
        var patternText = definition[index...]
        var ifUnset: String?
        if let (pattern, unset) = splitIfUnset(patternText) {
            patternText = pattern
            ifUnset = unset
        }
        guard !patternText.isEmpty else { throw RuleSyntaxError("header rule needs a pattern after \(negated ? "!~" : "=~")") }
        let (pattern, literal) = try regex(patternText)
        return (HeaderTest(header: HeaderSelector(name: name, modifiers: modifiers), isNegated: negated, pattern: pattern, ifUnset: ifUnset), literal)
    }

    /// Cuts a trailing `[if-unset: text]` (after whitespace) off a pattern.
    private static func splitIfUnset(_ text: ArraySlice<UInt8>) -> (ArraySlice<UInt8>, String)? {
        let marker = Array("[if-unset:".utf8)
        guard text.last == UInt8(ascii: "]") else { return nil }
        var search = text.startIndex
        while let open = text[search...].firstIndex(of: UInt8(ascii: "[")) {
            search = open + 1
            guard text[open...].starts(with: marker), open > text.startIndex, ByteClass.isSpace(text[open - 1]) else { continue }
            var valueStart = open + marker.count
            guard valueStart < text.endIndex - 1, ByteClass.isSpace(text[valueStart]) else { continue }
            while valueStart < text.endIndex - 1, ByteClass.isSpace(text[valueStart]) { valueStart += 1 }
            guard valueStart < text.endIndex - 1 else { continue }
            var patternEnd = open
            while patternEnd > text.startIndex, ByteClass.isSpace(text[patternEnd - 1]) { patternEnd -= 1 }
            return (text[text.startIndex..<patternEnd], String(decoding: text[valueStart..<(text.endIndex - 1)], as: UTF8.self))
        }
        return nil
    }

    private static func metaExpression(_ definition: [UInt8], limits: MetaExpressionParser.Limits) throws(RuleSyntaxError) -> MetaExpression {
        var previousNonSpace: UInt8 = 0
        for (offset, byte) in definition.enumerated() {
            if byte == UInt8(ascii: "*"), previousNonSpace == UInt8(ascii: "*") { throw RuleSyntaxError("invalid '**' in meta expression") }
            let forbidden = switch byte {
            case UInt8(ascii: "$"), UInt8(ascii: "@"), UInt8(ascii: "%"), UInt8(ascii: ";"), UInt8(ascii: "{"), UInt8(ascii: "}"): true
            case UInt8(ascii: ">"): offset > 0 && definition[offset - 1] == UInt8(ascii: "-")
            default: false
            }
            if forbidden {
                throw RuleSyntaxError("meta expression contains a forbidden character '\(String(decoding: [byte], as: UTF8.self))'")
            }
            if !ByteClass.isSpace(byte) { previousNonSpace = byte }
        }
        let expression: MetaExpression
        do {
            expression = try MetaExpressionParser.parse(definition, limits: limits)
        } catch {
            throw RuleSyntaxError("invalid meta expression: \(error.reason)")
        }
        if expression.dividesByZeroWhenNothingHits {
            throw RuleSyntaxError("invalid meta expression: division by zero possible")
        }
        return expression
    }

    /// `[\w.-]`, SpamAssassin's header name characters.
    private static func isHeaderNameByte(_ byte: UInt8) -> Bool {
        ByteClass.isWord(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
}
