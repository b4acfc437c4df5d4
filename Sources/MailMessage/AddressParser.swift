/// RFC 5322 address lists, parsed the tolerant way mail readers parse them: display names
/// (quoted, with encoded words, with escapes, or taken from a comment after a bare address),
/// groups, obsolete routes, quoted local parts, missing commas, unquoted specials in display
/// names, a missing `>`. Whatever can be salvaged is returned; every violation of the grammar is
/// reported as `.badAddress`.
public struct AddressParser {
    /// Parses an unfolded header value that is not yet RFC 2047-decoded; encoded words in display
    /// names and comments are decoded here.
    public static func parse(_ value: String) -> (addresses: [MailAddress], defects: [DefectKind]) {
        var value = value
        return value.withUTF8 { bytes in
            let (tokens, defects) = AddressTokenizer.tokenize(bytes)
            var parser = AddressParser(tokens: tokens, defects: defects)
            parser.parseList()
            return (parser.addresses, parser.defects)
        }
    }

    private let tokens: [AddressToken]
    private var position = 0
    private var addresses: [MailAddress] = []
    private var defects: [DefectKind]
    private var group: String?
    /// For each token index, the first token at or after it that is `,` `;` `<` or `:`, a `<`,
    /// a `>`, and a `,` or `;` (`tokens.count` when there is none): looked up, never searched, so
    /// junk without commas cannot make parsing quadratic.
    private let nextStop: [Int]
    private let nextOpen: [Int]
    private let nextClose: [Int]
    private let nextSeparator: [Int]

    private init(tokens: [AddressToken], defects: [DefectKind]) {
        self.tokens = tokens
        self.defects = defects
        var stop = Array(repeating: tokens.count, count: tokens.count + 1)
        var open = stop, close = stop, separator = stop
        for index in stride(from: tokens.count - 1, through: 0, by: -1) {
            let token = tokens[index]
            let isSeparator = token.isSpecial(",") || token.isSpecial(";")
            stop[index] = isSeparator || token.isSpecial("<") || token.isSpecial(":") ? index : stop[index + 1]
            open[index] = token.isSpecial("<") ? index : open[index + 1]
            close[index] = token.isSpecial(">") ? index : close[index + 1]
            separator[index] = isSeparator ? index : separator[index + 1]
        }
        nextStop = stop
        nextOpen = open
        nextClose = close
        nextSeparator = separator
    }

    private mutating func parseList() {
        while position < tokens.count {
            let token = tokens[position]
            if token.isSpecial(",") || token.kind == .comment {
                position += 1
                continue
            }
            if token.isSpecial(";") {
                if group == nil { defects.appendOnce(.badAddress) }
                group = nil
                position += 1
                continue
            }
            let stop = nextStop[position]
            if stop < tokens.count, tokens[stop].isSpecial("<") {
                parseNameAddress(phrase: position..<stop)
            } else if stop < tokens.count, tokens[stop].isSpecial(":") {
                startGroup(phrase: position..<stop)
            } else {
                parseBareAddresses(position..<stop)
            }
        }
        if group != nil { defects.appendOnce(.badAddress) }
    }

    private mutating func startGroup(phrase: Range<Int>) {
        if group != nil || phrase.isEmpty || tokens[phrase].contains(where: { $0.kind == .special && !$0.isSpecial(".") }) {
            defects.appendOnce(.badAddress)
        }
        group = text(of: phrase) ?? ""
        position = phrase.upperBound + 1
    }

    // MARK: name-addr

    /// `display name <addr-spec>`: the phrase is everything before the `<`, whatever it holds.
    private mutating func parseNameAddress(phrase: Range<Int>) {
        if tokens[phrase].contains(where: { ($0.kind == .special && !$0.isSpecial(".")) || $0.kind == .domainLiteral }) {
            defects.appendOnce(.badAddress)
        }
        let name = text(of: phrase)
        var start = phrase.upperBound + 1
        // "<<a@b>>" and the like
        while start < tokens.count, tokens[start].isSpecial("<") {
            defects.appendOnce(.badAddress)
            start += 1
        }
        let close = nextClose[start]
        let end: Int
        if close < nextOpen[start], close <= nextSeparatorOutsideRoute(from: start, close: close) {
            end = close
        } else {
            defects.appendOnce(.badAddress)
            end = min(nextSeparator[start], nextOpen[start])
        }
        position = end < tokens.count && tokens[end].isSpecial(">") ? end + 1 : end
        var content = start..<end
        skipRoute(&content)
        guard content.contains(where: { tokens[$0].kind != .comment }) else { return }  // "<>": no mailbox
        guard case .found(let spec) = addrSpec(in: content) else {
            defects.appendOnce(.badAddress)
            return
        }
        if tokens[spec.end..<end].contains(where: { $0.kind != .comment }) { defects.appendOnce(.badAddress) }
        let displayName = name ?? trailingComment()
        addresses.append(MailAddress(displayName: displayName, localPart: spec.localPart, domain: spec.domain, group: group))
        expectSeparator()
    }

    /// The first separator after `from`, except commas of an obsolete route (`<@a,@b:user@c>`).
    private func nextSeparatorOutsideRoute(from: Int, close: Int) -> Int {
        guard from < tokens.count, tokens[from].isSpecial("@") else { return nextSeparator[from] }
        guard let colon = tokens[from..<close].firstIndex(where: { $0.isSpecial(":") }) else { return nextSeparator[from] }
        return nextSeparator[colon]
    }

    /// Drops an obsolete route: `@relay1,@relay2:` before the addr-spec.
    private mutating func skipRoute(_ content: inout Range<Int>) {
        guard let first = content.first(where: { tokens[$0].kind != .comment }), tokens[first].isSpecial("@") else { return }
        if let colon = content.first(where: { tokens[$0].isSpecial(":") }) {
            content = (colon + 1)..<content.upperBound
        }
    }

    /// A comment right after the address, used as the display name when there is none (`a@b (Name)`).
    private mutating func trailingComment() -> String? {
        var index = position
        while index < tokens.count, tokens[index].kind == .comment {
            if let name = decodedName(tokens[index].bytes) { return name }
            index += 1
        }
        return nil
    }

    /// After a mailbox comes a separator or the end; anything else means a missing comma.
    private mutating func expectSeparator() {
        while position < tokens.count, tokens[position].kind == .comment { position += 1 }
        guard position < tokens.count else { return }
        let token = tokens[position]
        if !(token.isSpecial(",") || token.isSpecial(";")) { defects.appendOnce(.badAddress) }
    }

    // MARK: addr-spec without angle brackets

    /// Tokens up to a separator with no `<` among them: one or more addr-specs, maybe without
    /// commas between them, maybe after words that were meant as a display name (`John j@x`).
    private mutating func parseBareAddresses(_ range: Range<Int>) {
        var index = range.lowerBound
        var strayStart: Int?
        var foundAddress = false
        while index < range.upperBound {
            if tokens[index].kind == .comment {
                index += 1
                continue
            }
            switch addrSpec(in: index..<range.upperBound) {
            case .found(let spec):
                position = spec.end
                var name: String?
                if let strayStart {
                    defects.appendOnce(.badAddress)
                    name = text(of: strayStart..<index)
                }
                if foundAddress { defects.appendOnce(.badAddress) }  // no comma before it
                let displayName = name ?? trailingComment()
                addresses.append(MailAddress(displayName: displayName, localPart: spec.localPart, domain: spec.domain, group: group))
                foundAddress = true
                strayStart = nil
                index = spec.end
            case .notFound(let scannedTo):
                if strayStart == nil { strayStart = index }
                index = max(index + 1, scannedTo)
            }
        }
        position = range.upperBound
        guard let strayStart else { return }
        defects.appendOnce(.badAddress)
        let stray = tokens[strayStart..<range.upperBound].filter { $0.kind != .comment }
        if !foundAddress, stray.count == 1, stray[0].kind == .atom {
            // A bare local part ("postmaster"): an address on the local host.
            let local = String(decoding: stray[0].bytes, as: UTF8.self)
            addresses.append(MailAddress(displayName: nil, localPart: local, domain: "", group: group))
        }
    }

    // MARK: addr-spec

    private struct AddrSpec {
        var localPart: String
        var domain: String
        /// The token after the addr-spec.
        var end: Int
    }

    private enum AddrSpecResult {
        case found(AddrSpec)
        /// No `@` after a local part; the local part (if any) ran up to `scannedTo`.
        case notFound(scannedTo: Int)
    }

    /// `local-part "@" domain` at the start of `range`, comments skipped. An `@` without a domain
    /// gives an empty domain and is reported.
    private mutating func addrSpec(in range: Range<Int>) -> AddrSpecResult {
        var index = range.lowerBound
        var local: [UInt8] = []
        var expectingWord = true
        while index < range.upperBound {
            let token = tokens[index]
            if token.kind == .comment {
                index += 1
                continue
            }
            if expectingWord, token.isWord {
                local += token.bytes
                expectingWord = false
            } else if token.isSpecial("."), !local.isEmpty {
                local.append(UInt8(ascii: "."))
                if expectingWord { defects.appendOnce(.badAddress) }  // "a..b"
                expectingWord = true
            } else {
                break
            }
            index += 1
        }
        while index < range.upperBound, tokens[index].kind == .comment { index += 1 }
        guard !local.isEmpty, index < range.upperBound, tokens[index].isSpecial("@") else { return .notFound(scannedTo: index) }
        if expectingWord { defects.appendOnce(.badAddress) }  // "a.@b"
        index += 1
        while index < range.upperBound, tokens[index].kind == .comment { index += 1 }
        var domain: [UInt8] = []
        if index < range.upperBound, tokens[index].kind == .domainLiteral {
            domain = tokens[index].bytes
            index += 1
        } else {
            expectingWord = true
            while index < range.upperBound {
                let token = tokens[index]
                if token.kind == .comment {
                    index += 1
                    continue
                }
                if expectingWord, token.kind == .atom {
                    domain += token.bytes
                    expectingWord = false
                } else if !expectingWord, token.isSpecial(".") {
                    domain.append(UInt8(ascii: "."))
                    expectingWord = true
                } else {
                    break
                }
                index += 1
            }
            if expectingWord { defects.appendOnce(.badAddress) }  // "a@" or "a@b."
        }
        // Comments directly after the domain belong to the address (its display name, maybe).
        var end = index
        while end > range.lowerBound, tokens[end - 1].kind == .comment { end -= 1 }
        return .found(AddrSpec(localPart: String(decoding: local, as: UTF8.self), domain: Self.lowercased(domain), end: end))
    }

    private static func lowercased(_ domain: [UInt8]) -> String {
        if domain.allSatisfy({ $0 < 0x80 }) { return String(decoding: domain.map(HeaderText.lowerASCII), as: UTF8.self) }
        return String(decoding: domain, as: UTF8.self).lowercased()
    }

    // MARK: display names

    /// The tokens as display-name text: words joined by one space where the value had white
    /// space, encoded words decoded; nil when empty.
    private mutating func text(of range: Range<Int>) -> String? {
        var bytes: [UInt8] = []
        for token in tokens[range] where token.kind != .comment {
            if token.spaceBefore, !bytes.isEmpty { bytes.append(0x20) }
            bytes += token.bytes
        }
        return decodedName(bytes)
    }

    private mutating func decodedName(_ bytes: [UInt8]) -> String? {
        let decoded = EncodedWordDecoder.decode(String(decoding: bytes, as: UTF8.self))
        for defect in decoded.defects { defects.appendOnce(defect) }
        let name = decoded.text.trimmingASCIIWhitespace()
        return name.isEmpty ? nil : name
    }
}
