import MailMessage

/// SpamAssassin's BodyEval functions (body length, blank-line share, vertical words, stock
/// tips, multipart/alternative text/HTML difference) and the body evals of other plugins that
/// only read text.
enum BodyEvals {
    static func make(_ site: EvalCallSite) -> EvalImplementation? {
        let name = site.function
        switch name {
        case "check_body_length":
            guard let limit = site.number(0) else { return .invalid(name, "needs a length") }
            return .test { Double($0.parseFlags.bodyLength) <= limit }
        case "multipart_alternative_difference":
            guard let low = site.number(0), let maxText = site.text(1) else { return .invalid(name, "needs min and max") }
            let high = maxText == "undef" ? nil : PerlNumber.value(maxText)
            return .test { context in
                let difference = alternativeDifference(context).percent
                return (low == 0 || difference > low) && (high.map { difference <= $0 } ?? true)
            }
        case "multipart_alternative_difference_count":
            guard let ratio = site.number(0), let minimumHTML = site.number(1) else { return .invalid(name, "needs a ratio and a minimum") }
            return .test { context in
                let difference = alternativeDifference(context)
                guard Double(difference.htmlWords) > minimumHTML else { return false }
                return Double(difference.textWords) / Double(difference.htmlWords) > ratio
            }
        case "check_blank_line_ratio":
            guard let low = site.number(0), let high = site.number(1) else { return .invalid(name, "needs min and max") }
            let minimumLines = max(1, PerlNumber.integer(site.number(2) ?? 1))
            let key = "blank_line_ratio_\(minimumLines)"
            return .test { context in
                let ratio = cached(context, key) { blankLineRatio($0, minimumLines: minimumLines) }
                return (low == 0 && ratio <= high) || (ratio > low && ratio <= high)
            }
        case "tvd_vertical_words":
            guard let low = site.number(0), let given = site.number(1) else { return .invalid(name, "needs min and max") }
            let high = given >= 100 ? 101 : given
            let kind = site.kind
            return .test { context in
                let percent = cached(context, "tvd_vertical_words") { verticalWords(texts(for: kind, in: $0)) }
                return percent >= low && percent < high
            }
        case "check_stock_info":
            guard let minimum = site.number(0) else { return .invalid(name, "needs a minimum") }
            return .test { context in
                let hits = cached(context, "stock_info") { stockInfo($0) }
                return minimum == 0 || hits >= minimum
            }
        case "check_body_8bits":
            return .test { context in
                guard !context.configuration.okLocales.contains("all") else { return false }
                return context.views.body.contains { line in
                    line.contains { $0 >= 0x80 }
                }
            }
        default:
            return nil
        }
    }

    /// A per-message number computed once, under `key`.
    static func cached(_ context: EvalContext, _ key: String, _ compute: (EvalContext) -> Double) -> Double {
        if let value = context.bodyCache[key] { return value }
        let value = compute(context)
        context.bodyCache[key] = value
        return value
    }

    /// The text array a body eval of `kind` receives.
    static func texts(for kind: RuleKind, in context: EvalContext) -> [[UInt8]] {
        switch kind {
        case .rawbody: context.views.rawBody
        case .full: [context.views.full]
        default: context.views.body
        }
    }

    /// At least as many bytes above 127 as below, and more than three.
    static func moreHighBitsSet(_ text: [UInt8]) -> Bool {
        let high = text.reduce(0) { $0 + ($1 >= 0x80 ? 1 : 0) }
        return text.count - high <= high && high > 3
    }

    /// Percentage of blank lines in the decoded body, -1 with fewer than `minimumLines` lines.
    static func blankLineRatio(_ context: EvalContext, minimumLines: Int) -> Double {
        var lines = 0, blank = 0
        for chunk in context.views.rawBody {
            MIMEStatistics.forEachLine(chunk[...]) { line, _ in
                lines += 1
                if line.allSatisfy(ASCII.isPerlSpace) { blank += 1 }
            }
        }
        return lines < minimumLines ? -1 : 100 * Double(blank) / Double(lines)
    }

    /// The largest share of spaces to other characters in a line longer than 5 (100 when spaces
    /// dominate), -1 when no line is long enough.
    static func verticalWords(_ texts: [[UInt8]]) -> Double {
        var result = -1
        for text in texts {
            // characters (`MIMEStatistics.characterCount`) and spaces in one pass
            let (length, spaces) = text.withUnsafeBufferPointer { bytes in
                var length = 0, spaces = 0
                var start = 0
                while start + 8 <= bytes.count {
                    let word = ByteWords.load(bytes, at: start)
                    length &+= 8 &- ByteWords.continuation(word).nonzeroBitCount
                    spaces &+= ByteWords.equal(word, 0x20).nonzeroBitCount
                    start += 8
                }
                for byte in bytes[start...] {
                    length &+= byte & 0xC0 == 0x80 ? 0 : 1
                    spaces &+= byte == 0x20 ? 1 : 0
                }
                return (length, spaces)
            }
            guard length > 5 else { continue }
            let others = length - spaces
            let percent = spaces > others || others == 0 ? 100 : 100 * spaces / others
            result = max(result, percent)
        }
        return Double(result)
    }

    private static let stockLabel = try! CompiledRegex(#"^\s*([^:\s][^:\n]{2,29})\s*:\s*\S"#, options: .multiline)
    private static let stockWords = try! CompiledRegex(#"""
        ^(trad(?:e|ing)date|company(?:name)?|s\w?(?:t\w?o\w?c\w?k|y\w?m(?:\w?b\w?o\w?l)?)|t(?:arget|icker)|(?:opening|current)p(?:rice)?|p(?:rojected|osition)|expectations|weeks?high|marketperformance|(?:year|week|month|day|price)(?:target|estimates?)|sector|r(?:ecommendation|ating))$
        """#)

    /// Distinct stock-tip labels ("Symbol:", "Target price:") in the first text/plain part.
    static func stockInfo(_ context: EvalContext) -> Double {
        guard let part = context.parts.first(where: { $0.leaf != nil && MIMEStatistics.lowercasedMimeType($0.contentType) == "text/plain" }),
              let text = part.leaf?.text else { return 0 }
        var found = Set<[UInt8]>()
        for paragraph in SpamAssassinText.shortParagraphs(Array(text.utf8)[...]) {
            var start = 0
            while start < paragraph.count, let groups = paragraph.withUnsafeBufferPointer({ stockLabel.captures(in: $0, from: start) }),
                  let whole = groups[0], let label = groups[1] {
                let letters = paragraph[label].map(ASCII.lower).filter(ByteClass.isLowerLetter)
                if let word = stockWords.firstGroup(in: letters) { found.insert(word) }
                start = max(whole.upperBound, start + 1)
            }
        }
        return Double(found.count)
    }

    /// `grep(/\w/, split(/\s+/, $text))` on a character string: the runs between Unicode white
    /// space that hold a Unicode word character (a letter, mark, digit or connector), in UTF-8.
    static func perlWords(_ text: String) -> [ArraySlice<UInt8>] {
        perlWords(utf8: Array(text.utf8))
    }

    /// `perlWords` for UTF-8 bytes (invalid ones read as U+FFFD, as String reads them). Words of
    /// ASCII text are slices of `bytes`.
    static func perlWords(utf8 bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        guard ByteWords.allASCII(bytes) else { return unicodePerlWords(String(decoding: bytes, as: UTF8.self)).map { $0[...] } }
        var words: [ArraySlice<UInt8>] = []
        var start = 0, hasWordCharacter = false
        for index in bytes.indices {
            let byte = bytes[index]
            if ASCII.isPerlSpace(byte) {
                if hasWordCharacter { words.append(bytes[start..<index]) }
                hasWordCharacter = false
                start = index + 1
            } else if !hasWordCharacter {
                hasWordCharacter = ByteClass.isWord(byte)
            }
        }
        if hasWordCharacter { words.append(bytes[start...]) }
        return words
    }

    /// `perlWords` by Unicode scalars: what any text needs, and the ASCII walk must agree with.
    static func unicodePerlWords(_ text: String) -> [[UInt8]] {
        var words: [[UInt8]] = []
        var word: [UInt8] = [], hasWordCharacter = false
        for scalar in text.unicodeScalars {
            if SpamAssassinText.isPerlSpace(scalar) {
                if hasWordCharacter { words.append(word) }
                word.removeAll(keepingCapacity: true)
                hasWordCharacter = false
                continue
            }
            SpamAssassinText.appendUTF8(scalar, to: &word)
            if !hasWordCharacter { hasWordCharacter = isPerlWordCharacter(scalar) }
        }
        if hasWordCharacter { words.append(word) }
        return words
    }

    static func isPerlWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ByteClass.isWord(UInt8(scalar.value)) }
        let properties = scalar.properties
        if properties.isAlphabetic || scalar.value == 0x200C || scalar.value == 0x200D { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return true
        default: return false
        }
    }

    /// BodyEval's comparison of the words of the HTML and text alternatives: the percentage of
    /// HTML words missing from the text, and the word counts of the last alternative compared.
    static func alternativeDifference(_ context: EvalContext) -> (percent: Double, htmlWords: Int, textWords: Int) {
        let key = "madiff"
        if let percent = context.bodyCache[key] {
            return (percent, Int(context.bodyCache["madiff_html"] ?? 0), Int(context.bodyCache["madiff_text"] ?? 0))
        }
        var result = (percent: 0.0, htmlWords: 0, textWords: 0)
        // the parts outside embedded messages, as `alternativesWithFirstLeaf` lists them: without
        // a multipart/alternative among them there is nothing to compare
        let hasAlternative = context.parts.contains { MIMEStatistics.lowercasedMimeType($0.contentType).hasPrefix("multipart/alternative") }
        let calendarOnly = hasAlternative
            && context.parts.map { MIMEStatistics.lowercasedMimeType($0.contentType) } == ["multipart/alternative", "text/html", "text/calendar"]
        if hasAlternative, !calendarOnly {
            for (alternative, firstLeafIndex) in alternativesWithFirstLeaf(context.message.root) {
                var html: [WordKey: Int] = [:], text: [WordKey: Int] = [:]
                for (offset, part) in alternative.leaves.enumerated() where MIMEStatistics.lowercasedMimeType(part.contentType).hasPrefix("text") {
                    guard let leaf = part.leaf else { continue }
                    let isHTML = BodyRenderer.effectiveType(of: part) == "text/html"
                    let words: [ArraySlice<UInt8>]
                    if !isHTML {
                        words = perlWords(leaf.text ?? "")
                    } else if let scan = context.views.htmlScans.first(where: { $0.leafIndex == firstLeafIndex + offset }), scan.scannedLeafText {
                        words = perlWords(utf8: scan.statistics.rendered)
                    } else {
                        words = perlWords(leaf.text.map(BodyRenderer.spamAssassinRendering) ?? "")
                    }
                    if isHTML { html.reserveCapacity(html.count + words.count) } else { text.reserveCapacity(text.count + words.count) }
                    for word in words {
                        if isHTML { html[WordKey(word), default: 0] += 1 } else { text[WordKey(word), default: 0] += 1 }
                    }
                    if isHTML, html.isEmpty, leaf.html?.hints.tagExists("img") == true { html[WordKey([0x0A])] = 1 }
                }
                let original = html.count
                guard original > 0 else { continue }
                result.htmlWords = original
                result.textWords = text.count
                for (word, count) in text where (html[word] ?? Int.max) - count < 1 { html[word] = nil }
                result.percent = max(result.percent, Double(html.count) / Double(original) * 100)
            }
        }
        context.bodyCache[key] = result.percent
        context.bodyCache["madiff_html"] = Double(result.htmlWords)
        context.bodyCache["madiff_text"] = Double(result.textWords)
        return result
    }

    /// The multipart/alternative parts SpamAssassin's part list holds (multiparts descended, not
    /// embedded messages), in its order, each with the index of its first leaf among all the
    /// message's leaves (`BodyRenderer.leavesWithContainer` order, as `HTMLLeafScan` counts).
    static func alternativesWithFirstLeaf(_ root: MIMEPart) -> [(MIMEPart, Int)] {
        var result: [(MIMEPart, Int)] = []
        var leafCount = 0
        func visit(_ part: MIMEPart, listed: Bool) {
            if listed, MIMEStatistics.lowercasedMimeType(part.contentType).hasPrefix("multipart/alternative") { result.append((part, leafCount)) }
            switch part.content {
            case .leaf: leafCount += 1
            case .multipart(let multipart): for child in multipart.parts { visit(child, listed: listed) }
            case .message(let inner): visit(inner, listed: false)
            }
        }
        visit(root, listed: true)
        return result
    }
}
