import MailMessage

/// Reads one Received field into a `ReceivedRelay`: who handed the message over (address,
/// reverse DNS name the receiver recorded, HELO name, ident), who received it (`by`), the queue
/// id and any sign of authentication. The common MTA layouts are told apart by the shape of the
/// "from" part: Sendmail and Postfix write `from HELO (RDNS [IP])`, qmail `from RDNS (HELO x)
/// (IP)`, Exim `from RDNS ([IP] helo=x)` or `from [IP] (helo=x)`. The texts follow SpamAssassin's
/// conventions (an `unknown` reverse name is empty; brackets and spaces in a value become "!").
enum ReceivedLineParser {
    enum Outcome: Sendable, Equatable {
        case relay(ReceivedRelay)
        /// A hand-over that is not a hop over the network (local delivery, an MTA talking to itself).
        case ignored
        /// A POP3 or IMAP fetcher's hand-over.
        case fetcherHandover
        /// A field whose sending address could not be found.
        case unparseable
    }

    static let ipv4 = #"(?:\d{1,3}\.){3}\d{1,3}"#
    private static let anyIP = #"(?:IPv6:)?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]+|"# + ipv4

    private static func pattern(_ source: String) -> CompiledRegex {
        // The patterns are constants written here; one that failed to compile is a programming error.
        try! CompiledRegex(source)
    }

    static let trailingDate = pattern(#"[\s;]+(?:(?:Mon|Tue|Thu|Wed|Fri|Sat|Sun), )?\d+ (?:Jan|Jun|Jul|Feb|Mar|May|Apr|Aug|Sep|Oct|Nov|Dec) \d+ \d+:\d+(?::\d+)? \S+$"#)
    static let fromStart = pattern(#"(?i)^\(?from "#)
    static let localDelivery = pattern(#"\bwith local for\b"#)
    static let selfHandover = pattern(#"(?i)^from (\S+) by [^\s;]+ ?;"#)
    static let bracketedIPOnly = pattern(#"^\[[\d.]+\]$"#)
    static let queueID = pattern(#" id <?([^\s<>;]{3,})"#)
    static let heloAssignment = pattern(#"\bhelo=([-A-Za-z0-9.^+_&:=?!@%*$\\/]+)"#)
    static let heloCommand = pattern(#"\b(?:HELO|EHLO) ([-A-Za-z0-9.^+_&:=?!@%*$\\/]+)"#)
    static let receiver = pattern(#" by (\S+)(?:[^-A-Za-z0-9;.]|$)"#)
    static let authenticatedProtocol = pattern(#"(?i) with ((?:ES|L|UTF8S|UTF8L)MTPS?A|ASMTP|HTTP[SU]?)(?: |;|$)"#)
    static let originatingLine = pattern(#"^X-Originating-IP: ("# + ipv4 + #")$"#)
    static let envelopeSender = pattern(#"(?i)(?:return-path:? |envelope-(?:sender|from)[ =])(\S+)\b"#)
    static let fetcher = pattern(#"with (?:POP3|IMAP)"#)
    static let bracketedIP = pattern(#"\[("# + anyIP + #")\]"#)
    static let parenthesizedIP = pattern(#"\((?:\S*@)?("# + ipv4 + #")\)"#)
    static let leadingIP = pattern(#"^\(?("# + ipv4 + #")\b"#)
    static let identBeforeIP = pattern(#"\((\S*)@\[(?:"# + anyIP + #")\]"#)
    static let nameBeforeIP = pattern(#"\((?:IDENT:)?(?:([^\s@()\[]*)@)?([^\s()\[\]]+) ?\[(?:"# + anyIP + #")\]"#)
    static let eximHelo = pattern(#"\[(?:"# + anyIP + #")\][^)]*helo="#)
    static let qmailHelo = pattern(#"^(\S+) \((?:HELO|EHLO) ([^ ()]*)\) \((?:(\S*)@)?\[?("# + ipv4 + #")\]?\)"#)
    static let qmailPlain = pattern(#"^\S+ \((?:(\S*)@)?"# + ipv4 + #"\)"#)
    static let bareIPv4 = pattern("^" + ipv4 + "$")

    /// ASCII fields (nearly all) are read by `ReceivedLineByteParser`, which gives the same
    /// outcome without the String work; others by `parseText`.
    static func parse(_ value: String) -> Outcome {
        ReceivedLineByteParser.parse(value) ?? parseText(value)
    }

    /// The field read as Swift text (white space and character boundaries in Unicode's sense).
    static func parseText(_ value: String) -> Outcome {
        var line = collapsedWhitespace(value)
        while line.hasSuffix(";") || line.hasSuffix(" ;") { line = String(line.dropLast(line.hasSuffix(" ;") ? 2 : 1)) }
        guard matches(fromStart, line) else { return .ignored }
        if matches(localDelivery, line) { return .ignored }
        if let groups = captures(selfHandover, line), let sender = groups[1], !matches(bracketedIPOnly, sender) { return .ignored }
        if let match = range(trailingDate, line) { line.removeSubrange(match) }
        if ReceivedLineParser.contains(line, ")by ") { line = line.replacing(")by ", with: ") by ") }

        var relay = ReceivedRelay()
        if let id = captures(queueID, line)?[1] { relay.id = id }
        if let helo = captures(heloAssignment, line)?[1] ?? captures(heloCommand, line)?[1] { relay.helo = helo }
        if let by = captures(receiver, line)?[1] { relay.by = by }
        if firstRange(of: " by ", in: line) != nil, let auth = captures(authenticatedProtocol, line)?[1] { relay.auth = auth }

        let afterFrom = String(line.drop(while: { $0 == "(" }).dropFirst(5))
        if let ip = captures(originatingLine, afterFrom)?[1] {
            return .relay(ReceivedRelay(ip: ip))
        }
        if let sender = captures(envelopeSender, afterFrom)?[1] { relay.envelopeFrom = sender }
        if matches(fetcher, afterFrom) { return .fetcherHandover }
        guard let byRange = firstRange(of: " by ", in: afterFrom) else {
            return IgnorableReceivedLine.matches(afterFrom) ? .ignored : .unparseable
        }
        let head = String(afterFrom[..<byRange.lowerBound])
        if relay.by.isEmpty, let by = captures(receiver, String(afterFrom[byRange.lowerBound...]))?[1] { relay.by = by }

        let first = String(head.prefix(while: { $0 != " " }))
        let startsWithName = !first.hasPrefix("(") && !first.hasPrefix("[")
        if let ip = captures(bracketedIP, head)?[1] ?? captures(parenthesizedIP, head)?[1] ?? captures(leadingIP, head)?[1] {
            relay.ip = ip
        }
        let isExim = firstRange(of: "Exim", in: line) != nil || matches(eximHelo, head)
        if let groups = captures(qmailHelo, head) {
            relay.rdns = groups[1] ?? ""
            relay.helo = groups[2] ?? ""
            relay.ident = groups[3] ?? ""
            relay.ip = groups[4] ?? relay.ip
        } else if startsWithName, !isExim, let ident = captures(identBeforeIP, head)?[1] {
            relay.helo = first
            relay.ident = ident
        } else if startsWithName, !isExim, let groups = captures(nameBeforeIP, head) {
            relay.helo = first
            relay.rdns = groups[2] ?? ""
            if let ident = groups[1] { relay.ident = ident }
        } else if startsWithName, isExim {
            relay.rdns = first
            if relay.helo.isEmpty { relay.helo = first }
        } else if startsWithName, let groups = captures(qmailPlain, head) {
            relay.rdns = first
            relay.helo = first
            if let ident = groups[1] { relay.ident = ident }
        } else if !first.hasPrefix("("), !matches(bareIPv4, first), !(first.hasPrefix("[") && head == first) {
            if relay.helo.isEmpty { relay.helo = first }
        }
        if line.hasPrefix("from ") {
            if let reading = ReceivedLayoutCascade.read(fromPart: String(line.dropFirst(5))) {
                if relay.ip.isEmpty, let ip = reading.ip, !ip.isEmpty {
                    // a layout SpamAssassin knows that the shapes above miss
                    relay.ip = String(ip.drop(while: { $0 == "[" }).prefix(while: { $0 != "]" }))
                    if relay.helo.isEmpty, let helo = reading.helo { relay.helo = helo }
                }
                relay.noReverseDNS = reading.noReverseDNS
                // the name SpamAssassin's layout records (qmail's `from NAME ([IP])`, even when NAME is an address)
                if relay.rdns.isEmpty { relay.rdns = reading.name }
                // SpamAssassin takes a bare address before "(" for the HELO name where its layout says so
                if relay.helo.isEmpty, matches(bareIPv4, first), let helo = reading.helo { relay.helo = helo }
            } else if !matches(bracketedIP, line) || relay.by.isEmpty {
                // SpamAssassin knows no layout for it, and its last resort (a bracketed address
                // and a receiver) fails: it finds no sending address
                relay.ip = ""
            }
        }
        guard !relay.ip.isEmpty else {
            return IgnorableReceivedLine.matches(afterFrom) ? .ignored : .unparseable
        }

        while relay.rdns.hasSuffix(".") { relay.rdns.removeLast() }
        if relay.rdns.lowercased() == "unknown" || relay.rdns.hasPrefix("[") { relay.rdns = "" }
        if relay.ip.lowercased().hasPrefix("ipv6:") { relay.ip = String(relay.ip.dropFirst(5)) }
        while relay.envelopeFrom.hasPrefix("<") { relay.envelopeFrom.removeFirst() }
        while relay.envelopeFrom.hasSuffix(">") { relay.envelopeFrom.removeLast() }
        while relay.by.hasSuffix(";") { relay.by.removeLast() }
        relay.ip = masked(relay.ip)
        relay.rdns = masked(relay.rdns)
        relay.helo = masked(relay.helo)
        relay.by = masked(relay.by)
        relay.ident = masked(relay.ident)
        relay.envelopeFrom = masked(relay.envelopeFrom)
        return .relay(relay)
    }

    /// White space runs as one space, trimmed.
    private static func collapsedWhitespace(_ text: String) -> String {
        if let collapsed = collapsedASCIIWhitespace(text) { return collapsed }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// `collapsedWhitespace` byte by byte for ASCII text (where the white space characters are
    /// tab, LF, VT, FF, CR and space, and every character is one byte but CR LF); nil otherwise.
    private static func collapsedASCIIWhitespace(_ text: String) -> String? {
        withBytes(text) { bytes in
            guard UTF8Repair.isASCII(bytes) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { result in
                var count = 0
                var pendingSpace = false
                for byte in bytes {
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace {
                            result[count] = 0x20
                            count += 1
                        }
                        pendingSpace = false
                        result[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// `text.range(of: needle)`, searched byte by byte when the text is ASCII (where Foundation's
    /// comparison is byte for byte too).
    static func firstRange(of needle: StaticString, in text: String) -> Range<String.Index>? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        let found: Int?? = withBytes(text) { bytes in
            guard UTF8Repair.isASCII(bytes) else { return nil }
            return .some(firstOffset(of: pattern, in: bytes))
        }
        guard let found else { return text.range(of: needle.description) }
        guard let start = found else { return nil }
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        return lower..<utf8.index(lower, offsetBy: pattern.count)
    }

    /// Where `pattern` first occurs in `bytes`, byte for byte; nil when it does not (or is empty).
    static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        ByteScan.first(pattern, in: bytes, from: 0, to: bytes.count)
    }

    /// `firstOffset` written as a loop, for tests.
    static func firstOffsetByLoop(of pattern: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        var start = 0
        while start <= bytes.count - pattern.count {
            if bytes[start] == first {
                var matched = 1
                while matched < pattern.count, bytes[start + matched] == pattern[matched] { matched += 1 }
                if matched == pattern.count { return start }
            }
            start += 1
        }
        return nil
    }

    /// Whether `text` holds `needle`, byte for byte.
    private static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard !pattern.isEmpty else { return true }
        return withBytes(text) { firstOffset(of: pattern, in: $0) != nil }
    }

    /// The bytes `masked` replaces, for ASCII text without CR (where each is one character).
    private static func isMaskedByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0x00, UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"): true
        default: false
        }
    }

    /// Characters that would break the relay line's syntax, replaced by "!".
    private static func masked(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            guard text.utf8.contains(where: isMaskedByte) else { return text }
            return String(decoding: text.utf8.map { isMaskedByte($0) ? UInt8(ascii: "!") : $0 }, as: UTF8.self)
        }
        guard text.contains(where: { " \t\n\r\0#[]()<>|".contains($0) }) else { return text }
        return String(text.map { " \t\n\r\0#[]()<>|".contains($0) ? "!" : $0 })
    }

    /// `body` run on the UTF-8 bytes of `text`, in place when the string stores them contiguously.
    static func withBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if let result = text.utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(body)
    }

    private static func matches(_ regex: CompiledRegex, _ text: String) -> Bool {
        withBytes(text) { regex.isMatch(in: $0) }
    }

    private static func range(_ regex: CompiledRegex, _ text: String) -> Range<String.Index>? {
        guard let whole = withBytes(text, { regex.captures(in: $0)?.first ?? nil }) else { return nil }
        let utf8 = text.utf8
        return utf8.index(utf8.startIndex, offsetBy: whole.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: whole.upperBound)
    }

    /// The groups of the first match (index 0: the whole match), nil when there is none.
    private static func captures(_ regex: CompiledRegex, _ text: String) -> [String?]? {
        withBytes(text) { bytes in
            regex.captures(in: bytes).map { groups in groups.map { range in range.map { String(decoding: bytes[$0], as: UTF8.self) } } }
        }
    }
}
