/// SpamAssassin's HeaderEval functions that read the header fields themselves: dates, recipient
/// lists, illegal bytes, header counts, subjects, message ids, sender domains.
enum HeaderEvals {
    static func make(_ site: EvalCallSite) -> EvalImplementation? {
        let name = site.function
        switch name {
        case "check_for_shifted_date":
            guard site.arguments.count == 2 else { return .invalid(name, "needs min and max hours") }
            let low = site.bound(0), high = site.bound(1)
            return .test { context in
                let difference = Double(context.dates.dateDifference)
                return (low.map { difference >= 3600 * $0 } ?? true) && (high.map { difference < 3600 * $0 } ?? true)
            }
        case "check_illegal_chars":
            guard let header = site.text(0), let ratio = site.number(1), let count = site.number(2) else {
                return .invalid(name, "needs a header, a ratio and a count")
            }
            let text = header.hasSuffix(":raw") ? header : header + ":raw"
            let request = EvalContext.parsedRequest(text), isSubject = text.lowercased() == "subject:raw"
            return .test { illegalCharacters($0, request: request, isSubject: isSubject, ratio: ratio, count: count) }
        case "check_header_count_range":
            guard let header = site.text(0), let low = site.number(1), let high = site.number(2) else {
                return .invalid(name, "needs a header, min and max")
            }
            return .test { context in
                var seen = Set<String>()
                let distinct = context.message.headers.all(header).filter { seen.insert($0.unfolded).inserted }.count
                return Double(distinct) >= low && Double(distinct) <= high
            }
        case "check_for_missing_to_header":
            return .test { context in
                var to = context.scalar(.to)
                if to.isEmpty { to = context.scalar(.apparentlyTo) }
                return to.isEmpty
            }
        case "sorted_recipients":
            return .test { $0.recipients.sorted }
        case "similar_recipients":
            guard site.arguments.count == 2 else { return .invalid(name, "needs min and max") }
            let low = site.bound(0), high = site.bound(1)
            return .test { context in
                let similarity = context.recipients.similarity
                return (low.map { similarity >= $0 } ?? true) && (high.map { similarity < $0 } ?? true)
            }
        case "subject_is_all_caps":
            return .test(subjectIsAllCaps)
        case "check_for_to_in_subject":
            guard let test = site.text(0) else { return .invalid(name, "needs 'address' or 'user'") }
            return .test { toInSubject($0, test: test) }
        case "check_outlook_message_id":
            return .test(outlookMessageIDInvalid)
        case "check_unresolved_template":
            return .test { context in
                // `ALL` gives one "Name: decoded\n" value per field; the template pattern needs a "%"
                context.views.headers.fields.contains { field in
                    guard ASCII.contains(UInt8(ascii: "%"), in: field.name) || ASCII.contains(UInt8(ascii: "%"), in: field.decoded) else { return false }
                    var value = Array(field.name.utf8)
                    value.append(UInt8(ascii: ":"))
                    value.append(UInt8(ascii: " "))
                    value += field.decoded.utf8
                    value.append(0x0A)
                    return value.split(separator: 0x0A).contains { line in
                        let bytes = Array(line)
                        return unresolvedTemplate.firstMatch(in: bytes).isMatch && !templateExempt.firstMatch(in: bytes).isMatch
                    }
                }
            }
        case "check_ratware_name_id":
            return .test { context in
                let messageID = Array(context.scalar(.messageIDs).utf8)
                guard let tail = ratwareMessageID.firstGroup(in: messageID) else { return false }
                let from = context.scalar(.from)
                let pattern = "\"[^\"]+\"\\s*<" + RegexEscaping.quote(ASCII.string(tail)) + ">"
                return (try? CompiledRegex(pattern, jit: false))?.matches(from) ?? false
            }
        case "check_ratware_envelope_from":
            return .test(ratwareEnvelopeFrom)
        case "check_equal_from_domains":
            return .test { context in
                let from = secondLevel(of: context.scalar(.fromAddress))
                let envelope = secondLevel(of: context.scalar(.envelopeFromAddress))
                guard !from.isEmpty, !envelope.isEmpty else { return false }
                return !ASCII.lowercasedEqual(from, envelope)
            }
        case "check_for_matching_env_and_hdr_from":
            return .test { ASCII.lowercasedEqual($0.scalar(.envelopeFromAddress), $0.scalar(.fromAddress)) }
        case "check_for_faraway_charset_in_headers":
            return .test { context in
                guard !context.configuration.okLocales.contains("all") else { return false }
                for request in [EvalHeaderRequest.rawFrom, .rawSubject] {
                    for value in context.list(request) {
                        var start = 0
                        let bytes = Array(value.utf8)
                        while let groups = bytes.withUnsafeBufferPointer({ encodedWordCharset.captures(in: $0, from: start) }),
                              let whole = groups[0], let charset = groups[1] {
                            if !context.configuration.charsetIsOK(ASCII.string(bytes[charset])) { return true }
                            start = max(whole.upperBound, start + 1)
                        }
                    }
                }
                return false
            }
        case "check_for_unique_subject_id":
            return .test { _ in false }
        case "check_messageid_not_usable":
            return .test(ReceivedEvals.messageIDNotUsable)
        default:
            return ReceivedEvals.make(site)
        }
    }

    private static let unresolvedTemplate = try! CompiledRegex("%[A-Z][A-Z_-]")
    private static let templateExempt = try! CompiledRegex(
        #"^(?:X-VMS-To|X-UIDL|X-Face|To|Cc|From|Subject|References|In-Reply-To|(?:X-|Resent-|X-Original-)?Message-Id):"#, options: .caseless)
    private static let ratwareMessageID = try! CompiledRegex("<[A-Z]{28}\\.([^>]+?)>")
    private static let encodedWordCharset = try! CompiledRegex(#"=\?(.+?)\?.\?.*?\?="#)
    private static let replyPrefix = try! CompiledRegex(#"^(?:(?:Re|Fwd|Fw|Aw|Antwort|WG|SV|VB|VS|VL):\s*)+"#, options: .caseless)
    private static let capsCharsetWord = try! CompiledRegex(
        "=\\?[-_a-z0-9]*(?:koi|jp|jis|euc|gb|big5|isoir|cp1251|windows-1251|georgianps|pt154|tis)[-_a-z0-9]*\\?", options: .caseless)

    /// `request`: the header with `:raw`; `isSubject`: it is the Subject's.
    static func illegalCharacters(_ context: EvalContext, request: HeaderRequest, isSubject: Bool, ratio: Double, count: Double) -> Bool {
        // the field's own bytes: a String would turn invalid UTF-8 (Latin-1, EUC-KR…) into U+FFFD
        let values = context.views.headers.values(for: request)
        guard !values.isEmpty else { return false }
        let text = values.count == 1 ? values[0] : values.flatMap { $0 }
        let census = ByteCensus(text)
        guard census.hasNonSpace else { return false }
        if census.hasHighBit, census.controls == 0, String(validating: text, as: UTF8.self) != nil {
            return false
        }
        var illegal = census.controls + census.deleteOrHighBit
        if illegal > 0, isSubject {
            if census.exemptSymbols == 1 { illegal -= 1 }
        }
        return Double(illegal) / Double(text.count) >= ratio && Double(illegal) >= count
    }

    /// What `illegalCharacters` counts in a header text, in one pass.
    struct ByteCensus: Equatable {
        /// Any byte other than Perl white space.
        var hasNonSpace = false
        /// Any byte from 0x80 up.
        var hasHighBit = false
        /// Control bytes other than \t, \n and \r: 0x00–0x08, 0x0B, 0x0C, 0x0E–0x1F.
        var controls = 0
        /// 0x7F and the bytes above.
        var deleteOrHighBit = 0
        /// ¢, £ and ® in Latin-1 (0xA2, 0xA3, 0xAE).
        var exemptSymbols = 0

        init(_ text: [UInt8]) {
            let counts = text.withUnsafeBufferPointer { bytes in
                var nonSpace = 0, high = 0, controls = 0, deleteOrHigh = 0, exempt = 0
                func count(_ slice: Slice<UnsafeBufferPointer<UInt8>>) {
                    for byte in slice {
                        nonSpace &+= byte == 0x20 || byte &- 0x09 < 5 ? 0 : 1
                        high &+= byte >= 0x80 ? 1 : 0
                        controls &+= byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D ? 1 : 0
                        deleteOrHigh &+= byte >= 0x7F ? 1 : 0
                        exempt &+= byte == 0xA2 || byte == 0xA3 || byte == 0xAE ? 1 : 0
                    }
                }
                // eight bytes at a time: a word of printable ASCII (0x20–0x7E) adds nothing but
                // "something other than a space"; the other words are counted byte by byte
                let ones: UInt64 = 0x0101_0101_0101_0101, highBits: UInt64 = 0x8080_8080_8080_8080
                let raw = UnsafeRawBufferPointer(bytes)
                var start = 0
                while start + 8 <= bytes.count {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self))
                    let deleteOrHighInWord = (word | ((word & ~highBits) &+ ones)) & highBits
                    let belowSpaceInWord = (word &- 0x20 &* ones) & ~word & highBits
                    if deleteOrHighInWord == 0, belowSpaceInWord == 0 {
                        if word != 0x20 &* ones { nonSpace = 1 }
                    } else {
                        count(bytes[start..<(start + 8)])
                    }
                    start += 8
                }
                count(bytes[start...])
                return (nonSpace, high, controls, deleteOrHigh, exempt)
            }
            hasNonSpace = counts.0 > 0
            hasHighBit = counts.1 > 0
            controls = counts.2
            deleteOrHighBit = counts.3
            exemptSymbols = counts.4
        }
    }

    static func subjectIsAllCaps(_ context: EvalContext) -> Bool {
        var subject = Array(ASCII.trimmed(Array(context.scalar(.subject).utf8)[...]))
        if let range = replyPrefix.firstMatch(in: subject).range { subject.removeSubrange(range) }
        guard subject.contains(where: ASCII.isPerlSpace), MIMEStatistics.characterCount(subject) >= 10 else { return false }
        let letters = subject.filter(ByteClass.isLetter)
        // the raw Subject's charset only matters for a subject in capitals
        guard !letters.isEmpty, letters.allSatisfy(ByteClass.isUpperLetter) else { return false }
        return !capsCharsetWord.matches(context.scalar(.rawSubject))
    }

    static func toInSubject(_ context: EvalContext, test: String) -> Bool {
        let to = context.scalar(.toAddress)
        guard !to.isEmpty else { return false }
        let subject = context.scalar(.subject)
        // Every alternative of both patterns needs the address (or its user part), any case.
        let needle = test == "address" ? Array(to.utf8) : Array(to.utf8.prefix { $0 != UInt8(ascii: "@") })
        guard ASCII.containsIgnoringCase(context.scalarBytes(.subject), needle) else { return false }
        let quoted = RegexEscaping.quote(to)
        if test == "address" {
            return (try? CompiledRegex("\\b\(quoted)\\b", options: .caseless, jit: false))?.matches(subject) ?? false
        }
        guard test == "user" else { return false }
        let user = RegexEscaping.quote(String(to.prefix { $0 != "@" }))
        let pattern = "^(?:(?:re|fw):\\s*(?:\\w+\\s+)?\(user)$|(?-i:\(user))\\s*[,:;!?-](?:$|\\s)|\(user)$|,\\s*\(user)[,:;!?-]$)"
        return (try? CompiledRegex(pattern, options: .caseless, jit: false))?.matches(subject) ?? false
    }

    private static let outlookID = try! CompiledRegex(#"^<[0-9a-f]{4}([0-9a-f]{8})\$[0-9a-f]{8}\$[0-9a-f]{8}\@"#)
    private static let receivedTail = try! CompiledRegex(#"(\s.?\d+ \S\S\S \d+ \d+:\d+:\d+ \S+).*?$"#)

    /// Outlook's message ids carry a timestamp; one far from both the Date and the Received date
    /// was made up.
    static func outlookMessageIDInvalid(_ context: EvalContext) -> Bool {
        guard let token = outlookID.firstGroup(in: Array(context.scalar(.messageIDs).utf8)),
              let timeToken = Int(ASCII.string(token), radix: 16) else { return false }
        let scale = 0.0023283064365387, offset = 27111902.8329849, fudge = 250
        let dateTime = RFC822Date.parse(context.scalar(.date)) ?? 0
        if abs(timeToken - Int(Double(dateTime) * scale + offset)) < fudge { return false }
        let received = Array(context.scalar(.received).utf8)
        let receivedTime = receivedTail.firstGroup(in: received).flatMap { RFC822Date.parse(ASCII.string($0)) } ?? 0
        return abs(timeToken - Int(Double(receivedTime) * scale + offset)) >= fudge
    }

    private static let srs = try! CompiledRegex(#"^SRS\d[=+-]"#, options: .caseless)

    static func ratwareEnvelopeFrom(_ context: EvalContext) -> Bool {
        let to = context.scalar(.toAddress), from = context.scalar(.envelopeFromAddress)
        guard !from.isEmpty, !to.isEmpty, let at = to.firstIndex(of: "@"), at != to.startIndex else { return false }
        let user = String(to[..<at])
        // the cheap test first (every test here is needed for a hit, none has side effects)
        let fromBytes = context.scalarBytes(.envelopeFromAddress)
        guard ASCII.containsIgnoringCase(fromBytes, Array((user + "@").utf8)), !srs.matches(from) else { return false }
        let domain = RegistryDomains.trim(String(to[to.index(after: at)...]), tlds: context.configuration.validTLDs)
        guard RegistryDomains.isValid(domain, tlds: context.configuration.validTLDs), ASCII.containsIgnoringCase(fromBytes, Array(domain.utf8)) else {
            return false
        }
        let pattern = "\\b" + RegexEscaping.quote(domain) + "." + RegexEscaping.quote(user) + "@"
        return (try? CompiledRegex(pattern, options: .caseless, jit: false))?.matches(from) ?? false
    }

    /// The last two labels of an address's domain when it has three or more, else the domain;
    /// "" without an "@".
    static func secondLevel(of address: String) -> String {
        guard let at = address.lastIndex(of: "@") else { return "" }
        let domain = String(address[address.index(after: at)...])
        guard let last = domain.lastIndex(of: "."), last != domain.startIndex,
              let previous = domain[..<last].lastIndex(of: "."), previous != domain.startIndex,
              domain.index(after: previous) < last, domain.index(after: last) < domain.endIndex else { return domain }
        return String(domain[domain.index(after: previous)...])
    }
}
