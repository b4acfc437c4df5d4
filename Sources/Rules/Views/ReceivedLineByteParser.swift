/// `ReceivedLineParser.parseText` for ASCII fields, on bytes: the same patterns, run on ranges of
/// one buffer, with only the groups used turned into values. In ASCII every character is one
/// byte (the line holds no CR once white space is collapsed), so each String step of
/// `parseText` (prefixes, suffixes, dropping characters, lower-casing, white space) is the
/// byte step written here.
enum ReceivedLineByteParser {
    typealias Parser = ReceivedLineParser

    /// The relay's fields as bytes until the end, when they become `ReceivedRelay`'s texts.
    private struct Fields {
        var ip: [UInt8] = []
        var rdns: [UInt8] = []
        var helo: [UInt8] = []
        var by: [UInt8] = []
        var ident: [UInt8] = []
        var envelopeFrom: [UInt8] = []
        var id: [UInt8] = []
        var auth: [UInt8] = []
        var noReverseDNS = false
    }

    /// The outcome, or nil when `value` is not ASCII (then `parseText` reads it).
    static func parse(_ value: String) -> ReceivedLineParser.Outcome? {
        let collapsed: [UInt8]? = Parser.withBytes(value) { bytes in
            guard UTF8Repair.isASCII(bytes) else { return nil }
            return collapsedWhitespace(bytes)
        }
        guard var line = collapsed else { return nil }
        while line.last == UInt8(ascii: ";") {
            line.removeLast(line.count >= 2 && line[line.count - 2] == 0x20 ? 2 : 1)
        }
        return parse(line: line)
    }

    private static func parse(line original: [UInt8]) -> ReceivedLineParser.Outcome {
        var line = original
        // one buffer for the groups of every pattern run on this field
        let groups = GroupBuffer()
        let early: ReceivedLineParser.Outcome? = line.withUnsafeBufferPointer { buffer in
            guard Parser.fromStart.isMatch(in: buffer) else { return .ignored }
            // each pattern is only run when the text holds a literal it needs
            let text = Text(buffer: buffer, groups: groups)
            if text.contains("with local for", in: text.all), Parser.localDelivery.isMatch(in: buffer) { return .ignored }
            if buffer.contains(UInt8(ascii: ";")), Parser.selfHandover.captures(in: buffer, into: &groups.ranges), let sender = groups.ranges[1],
               !Parser.bracketedIPOnly.isMatch(in: UnsafeBufferPointer(rebasing: buffer[sender])) {
                return .ignored
            }
            return nil
        }
        if let early { return early }
        let date: Range<Int>? = line.withUnsafeBufferPointer { buffer in
            Parser.trailingDate.captures(in: buffer, into: &groups.ranges) ? groups.ranges[0] : nil
        }
        if let date { line.removeSubrange(date) }
        line = replacingCloseBy(line)
        return line.withUnsafeBufferPointer { read(Text(buffer: $0, groups: groups)) }
    }

    /// The line, its sub-ranges searched as separate subjects (as `parseText`'s substrings are).
    /// Room for a match's groups, reused by every pattern run on one field.
    private final class GroupBuffer {
        var ranges: [Range<Int>?] = []

        init() { ranges.reserveCapacity(8) }
    }

    private struct Text {
        let buffer: UnsafeBufferPointer<UInt8>
        let groups: GroupBuffer

        var all: Range<Int> { 0..<buffer.count }

        func subject(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: buffer[range])
        }

        /// The groups of the first match in `range`, as ranges of the whole buffer.
        func groups(_ regex: CompiledRegex, _ range: Range<Int>) -> [Range<Int>?]? {
            guard regex.captures(in: subject(range), into: &groups.ranges) else { return nil }
            return groups.ranges.map { $0.map { ($0.lowerBound + range.lowerBound)..<($0.upperBound + range.lowerBound) } }
        }

        func group(_ regex: CompiledRegex, _ range: Range<Int>, _ index: Int) -> [UInt8]? {
            guard regex.captures(in: subject(range), into: &groups.ranges), index < groups.ranges.count,
                  let found = groups.ranges[index] else { return nil }
            return Array(buffer[(found.lowerBound + range.lowerBound)..<(found.upperBound + range.lowerBound)])
        }

        func matches(_ regex: CompiledRegex, _ range: Range<Int>) -> Bool {
            regex.isMatch(in: subject(range))
        }

        func contains(_ needle: StaticString, in range: Range<Int>) -> Bool {
            offset(of: needle, in: range) != nil
        }

        func offset(of needle: StaticString, in range: Range<Int>) -> Int? {
            let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
            return Parser.firstOffset(of: pattern, in: subject(range)).map { $0 + range.lowerBound }
        }

        func bytes(_ range: Range<Int>) -> [UInt8] { Array(buffer[range]) }
    }

    private static func read(_ text: Text) -> ReceivedLineParser.Outcome {
        let buffer = text.buffer
        let line = text.all
        var relay = Fields()
        if let id = text.group(Parser.queueID, line, 1) { relay.id = id }
        let hasHeloAssignment = text.contains("helo=", in: line)
        let hasHeloCommand = text.contains("HELO ", in: line) || text.contains("EHLO ", in: line)
        if let helo = (hasHeloAssignment ? text.group(Parser.heloAssignment, line, 1) : nil)
            ?? (hasHeloCommand ? text.group(Parser.heloCommand, line, 1) : nil) {
            relay.helo = helo
        }
        if let by = text.group(Parser.receiver, line, 1) { relay.by = by }
        if text.contains(" by ", in: line), let auth = text.group(Parser.authenticatedProtocol, line, 1) { relay.auth = auth }

        var afterStart = 0
        while afterStart < buffer.count, buffer[afterStart] == UInt8(ascii: "(") { afterStart += 1 }
        afterStart = min(afterStart + 5, buffer.count)
        let afterFrom = afterStart..<buffer.count
        if text.subject(afterFrom).starts(with: "X-Originating-IP: ".utf8), let ip = text.group(Parser.originatingLine, afterFrom, 1) {
            return .relay(ReceivedRelay(ip: String(decoding: ip, as: UTF8.self)))
        }
        if let sender = text.group(Parser.envelopeSender, afterFrom, 1) { relay.envelopeFrom = sender }
        if text.contains("with POP3", in: afterFrom) || text.contains("with IMAP", in: afterFrom), text.matches(Parser.fetcher, afterFrom) {
            return .fetcherHandover
        }
        guard let byStart = text.offset(of: " by ", in: afterFrom) else {
            return IgnorableReceivedLine.matches(bytes: text.subject(afterFrom)) ? .ignored : .unparseable
        }
        let head = afterStart..<byStart
        if relay.by.isEmpty, let by = text.group(Parser.receiver, byStart..<buffer.count, 1) { relay.by = by }

        var firstEnd = head.lowerBound
        while firstEnd < head.upperBound, buffer[firstEnd] != 0x20 { firstEnd += 1 }
        let first = head.lowerBound..<firstEnd
        let firstByte: UInt8? = first.isEmpty ? nil : buffer[first.lowerBound]
        let startsWithName = firstByte != UInt8(ascii: "(") && firstByte != UInt8(ascii: "[")
        if let ip = text.group(Parser.bracketedIP, head, 1) ?? text.group(Parser.parenthesizedIP, head, 1) ?? text.group(Parser.leadingIP, head, 1) {
            relay.ip = ip
        }
        let isExim = text.contains("Exim", in: line) || (hasHeloAssignment && text.matches(Parser.eximHelo, head))
        if hasHeloCommand, let groups = text.groups(Parser.qmailHelo, head) {
            relay.rdns = groups[1].map(text.bytes) ?? []
            relay.helo = groups[2].map(text.bytes) ?? []
            relay.ident = groups[3].map(text.bytes) ?? []
            relay.ip = groups[4].map(text.bytes) ?? relay.ip
        } else if startsWithName, !isExim, text.contains("@[", in: head), let ident = text.group(Parser.identBeforeIP, head, 1) {
            relay.helo = text.bytes(first)
            relay.ident = ident
        } else if startsWithName, !isExim, let groups = text.groups(Parser.nameBeforeIP, head) {
            relay.helo = text.bytes(first)
            relay.rdns = groups[2].map(text.bytes) ?? []
            if let ident = groups[1] { relay.ident = text.bytes(ident) }
        } else if startsWithName, isExim {
            relay.rdns = text.bytes(first)
            if relay.helo.isEmpty { relay.helo = text.bytes(first) }
        } else if startsWithName, let groups = text.groups(Parser.qmailPlain, head) {
            relay.rdns = text.bytes(first)
            relay.helo = text.bytes(first)
            if let ident = groups[1] { relay.ident = text.bytes(ident) }
        } else if firstByte != UInt8(ascii: "("), !text.matches(Parser.bareIPv4, first), !(firstByte == UInt8(ascii: "[") && head == first) {
            if relay.helo.isEmpty { relay.helo = text.bytes(first) }
        }
        if buffer.starts(with: "from ".utf8) {
            if let reading = ReceivedLayoutCascade.read(text.subject(5..<buffer.count)) {
                if relay.ip.isEmpty, let ip = reading.ip, !ip.isEmpty {
                    relay.ip = Array(ip.utf8.drop(while: { $0 == UInt8(ascii: "[") }).prefix(while: { $0 != UInt8(ascii: "]") }))
                    if relay.helo.isEmpty, let helo = reading.helo { relay.helo = Array(helo.utf8) }
                }
                relay.noReverseDNS = reading.noReverseDNS
                if relay.rdns.isEmpty { relay.rdns = Array(reading.name.utf8) }
                if relay.helo.isEmpty, text.matches(Parser.bareIPv4, first), let helo = reading.helo { relay.helo = Array(helo.utf8) }
            } else if !text.matches(Parser.bracketedIP, line) || relay.by.isEmpty {
                relay.ip = []
            }
        }
        guard !relay.ip.isEmpty else {
            return IgnorableReceivedLine.matches(bytes: text.subject(afterFrom)) ? .ignored : .unparseable
        }
        return .relay(finished(relay))
    }

    /// `parseText`'s last steps: trailing dots and an `unknown` name dropped, `IPv6:`, angle
    /// brackets and semicolons removed, syntax characters masked.
    private static func finished(_ fields: Fields) -> ReceivedRelay {
        var fields = fields
        while fields.rdns.last == UInt8(ascii: ".") { fields.rdns.removeLast() }
        if fields.rdns.lowercasedASCII == Array("unknown".utf8) || fields.rdns.first == UInt8(ascii: "[") { fields.rdns = [] }
        if fields.ip.hasPrefixIgnoringCase("ipv6:") { fields.ip.removeFirst(5) }
        let envelopeStart = fields.envelopeFrom.firstIndex { $0 != UInt8(ascii: "<") } ?? fields.envelopeFrom.count
        fields.envelopeFrom.removeFirst(envelopeStart)
        while fields.envelopeFrom.last == UInt8(ascii: ">") { fields.envelopeFrom.removeLast() }
        while fields.by.last == UInt8(ascii: ";") { fields.by.removeLast() }
        var relay = ReceivedRelay()
        relay.ip = masked(fields.ip)
        relay.rdns = masked(fields.rdns)
        relay.helo = masked(fields.helo)
        relay.by = masked(fields.by)
        relay.ident = masked(fields.ident)
        relay.envelopeFrom = masked(fields.envelopeFrom)
        relay.id = String(decoding: fields.id, as: UTF8.self)
        relay.auth = String(decoding: fields.auth, as: UTF8.self)
        relay.noReverseDNS = fields.noReverseDNS
        return relay
    }

    /// The bytes `masked` replaces in ASCII text without CR.
    private static func isMaskedByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, 0x00, UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "("),
             UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"): true
        default: false
        }
    }

    private static func masked(_ bytes: [UInt8]) -> String {
        guard bytes.contains(where: isMaskedByte) else { return String(decoding: bytes, as: UTF8.self) }
        return String(decoding: bytes.map { isMaskedByte($0) ? UInt8(ascii: "!") : $0 }, as: UTF8.self)
    }

    /// ASCII white space runs (tab, LF, VT, FF, CR, space) as one space, trimmed.
    static func collapsedWhitespace(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { result, count in
            count = 0
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
        }
    }

    /// Every ")by " as ") by ", left to right.
    private static func replacingCloseBy(_ line: [UInt8]) -> [UInt8] {
        let needle: [UInt8] = Array(")by ".utf8)
        let present = line.withUnsafeBufferPointer { bytes in needle.withUnsafeBufferPointer { Parser.firstOffset(of: $0, in: bytes) != nil } }
        guard present else { return line }
        var result: [UInt8] = []
        var index = 0
        var changed = false
        while index < line.count {
            if line[index] == UInt8(ascii: ")"), index + needle.count <= line.count, line[index..<(index + needle.count)].elementsEqual(needle) {
                if !changed {
                    result.reserveCapacity(line.count + 8)
                    result += line[..<index]
                    changed = true
                }
                result += ") by ".utf8
                index += needle.count
                continue
            }
            if changed { result.append(line[index]) }
            index += 1
        }
        return changed ? result : line
    }
}
