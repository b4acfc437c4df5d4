import MailMessage

/// A header value that is one plain address and nothing else: `local@domain`, `<local@domain>`,
/// `Words Of A Name <local@domain>` or `"quoted name" <local@domain>`, the address sides
/// dot-separated runs of letters, digits and `_ % + -` (`_ -` in the domain), the name plain
/// words or a quoted string without `"`, `\` or `=`. Most address fields are one of these, and
/// `AddressParser` reads each as exactly that address and name, so the tokenizer takes them
/// from the bytes without parsing.
struct PlainAddress {
    let local: Range<Int>
    let domain: Range<Int>
    /// The display name's bytes: words (joined by single spaces in the name) or a quoted
    /// string's content (trimmed in the name); nil for none.
    let name: Range<Int>?
    let nameIsQuoted: Bool

    init?(_ value: UnsafeBufferPointer<UInt8>) {
        var start = 0, end = value.count
        var name: Range<Int>? = nil
        var quoted = false
        if end >= 2, value[end - 1] == UInt8(ascii: ">") {
            guard let open = URLTokenizer.lastIndex(of: UInt8(ascii: "<"), in: value, from: 0, before: end - 1) else { return nil }
            var phraseEnd = open
            while phraseEnd > 0, value[phraseEnd - 1] == 0x20 || value[phraseEnd - 1] == 0x09 { phraseEnd -= 1 }
            if phraseEnd > 0 {
                if value[0] == UInt8(ascii: "\"") {
                    guard phraseEnd >= 2, value[phraseEnd - 1] == UInt8(ascii: "\"") else { return nil }
                    for index in 1..<(phraseEnd - 1) {
                        let byte = value[index]
                        guard byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != UInt8(ascii: "=") else { return nil }
                    }
                    name = 1..<(phraseEnd - 1)
                    quoted = true
                } else {
                    for index in 0..<phraseEnd {
                        let byte = value[index]
                        guard ByteClass.isAlnum(byte) || byte == 0x20 || byte == 0x09 else { return nil }
                    }
                    name = 0..<phraseEnd
                }
            }
            start = open + 1
            end -= 1
        }
        guard let at = Self.dotAtomsEnd(value, from: start, to: end, isLocal: true), at < end, value[at] == UInt8(ascii: "@"),
              Self.dotAtomsEnd(value, from: at + 1, to: end, isLocal: false) == end else { return nil }
        local = start..<at
        domain = (at + 1)..<end
        self.name = name
        nameIsQuoted = quoted
    }

    /// Where runs of atom bytes joined by single dots end (at the first other byte); nil when
    /// there is no run, or a dot starts, ends or doubles.
    private static func dotAtomsEnd(_ value: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, isLocal: Bool) -> Int? {
        var index = start
        var expectingAtom = true
        while index < end {
            let byte = value[index]
            if byte == UInt8(ascii: ".") {
                guard !expectingAtom else { return nil }
                expectingAtom = true
            } else if ByteClass.isAlnum(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
                || (isLocal && (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "%"))) {
                expectingAtom = false
            } else {
                break
            }
            index += 1
        }
        return expectingAtom ? nil : index
    }

    /// Writes the display name as `AddressParser` makes it into `result` (replacing what it
    /// held): words joined by one space, a quoted string trimmed of spaces and tabs. False when
    /// there is none (or it is empty).
    func displayName(in value: UnsafeBufferPointer<UInt8>, into result: inout [UInt8]) -> Bool {
        result.removeAll(keepingCapacity: true)
        guard let name else { return false }
        if nameIsQuoted {
            var start = name.lowerBound, end = name.upperBound
            while start < end, value[start] == 0x20 || value[start] == 0x09 { start += 1 }
            while end > start, value[end - 1] == 0x20 || value[end - 1] == 0x09 { end -= 1 }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: value[start..<end]))
        } else {
            var pendingSpace = false
            for index in name {
                let byte = value[index]
                if byte == 0x20 || byte == 0x09 {
                    pendingSpace = true
                    continue
                }
                if pendingSpace, !result.isEmpty { result.append(0x20) }
                pendingSpace = false
                result.append(byte)
            }
        }
        return !result.isEmpty
    }

    /// The address as `AddressParser` gives it: the domain lower-cased.
    func mailAddress(in value: UnsafeBufferPointer<UInt8>) -> MailAddress {
        var nameBytes: [UInt8] = []
        let displayName = displayName(in: value, into: &nameBytes) ? String(decoding: nameBytes, as: UTF8.self) : nil
        return MailAddress(displayName: displayName, localPart: String(decoding: UnsafeBufferPointer(rebasing: value[local]), as: UTF8.self),
                           domain: String(decoding: value[domain].map(ByteClass.lower), as: UTF8.self))
    }
}
