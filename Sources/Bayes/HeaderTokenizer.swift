import MailMessage

/// Tokens from the message's header fields, each prefixed by where it came from: Subject words
/// (`s:`), sender and recipient addresses and domains (`f:`, `t:`, `rt:`, `rp:`…), relays and
/// IPs from Received (`r:`, and again as `r0:` for the two earliest hops, where the message
/// entered the mail system), the shape of the Message-ID (`m:`), the mailer (`x:`), the Date's
/// form (`d:`), which fields are present (`hn:`), the charsets of encoded words (`enc:`), and the
/// words of nearly every field under its own name (`H:NAME:`, see `HeaderWords`).
struct HeaderTokenizer {
    let text: TextTokenizer

    static let present = TokenPrefix("hn:")
    static let encoded = TokenPrefix("enc:")
    static let subject = TokenPrefix("s:")
    static let messageID = TokenPrefix("m:")
    static let messageIDDomain = TokenPrefix("m:d:")
    static let mailer = TokenPrefix("x:")
    static let mailerWord = TokenPrefix("x:w:")
    static let date = TokenPrefix("d:")

    /// Buffers reused from field to field: the lower-cased name, the unfolded value, a token
    /// being put together.
    struct Scratch {
        var name: [UInt8] = []
        var value: [UInt8] = []
        var token: [UInt8] = []

        init() {
            name.reserveCapacity(64)
            value.reserveCapacity(1024)
            token.reserveCapacity(128)
        }
    }

    func tokenize(_ headers: HeaderSection, into sink: inout TokenSink) {
        var scratch = Scratch()
        var received: [ArraySlice<UInt8>] = []
        var recipients = 0
        var from: MailAddress?, replyTo: MailAddress?
        var sawMessageID = false, sawTo = false
        for field in headers.fields {
            guard !sink.isFull else { return }
            Self.lowercase(field.name, into: &scratch.name)
            var group: UInt64 = 0
            let kind = scratch.name.withUnsafeBufferPointer { name in
                if sink.marksSecondary { group = Self.fieldGroup(name) }
                sink.fieldGroup = group
                sink.emit(Self.present, exactly: name)
                sink.fieldGroup = 0
                return HeaderFieldKind(lowercased: name)
            }
            charsets(of: field.rawValue, into: &sink)
            switch kind {
            case .subject: subject(field, scratch: &scratch, into: &sink)
            case .from:
                let parsed = addresses(field, AddressTokens.from, isFrom: true, wantsFirst: from == nil, scratch: &scratch, into: &sink)
                if from == nil { from = parsed.first }
            case .to, .cc:
                if kind == .to { sawTo = true }
                recipients += addresses(field, AddressTokens.to, isFrom: false, scratch: &scratch, into: &sink).count
            case .replyTo:
                let parsed = addresses(field, AddressTokens.replyTo, isFrom: false, wantsFirst: replyTo == nil, scratch: &scratch, into: &sink)
                if replyTo == nil { replyTo = parsed.first }
            case .returnPath: addresses(field, AddressTokens.returnPath, isFrom: false, scratch: &scratch, into: &sink)
            case .sender: addresses(field, AddressTokens.sender, isFrom: false, scratch: &scratch, into: &sink)
            case .errorsTo: addresses(field, AddressTokens.errorsTo, isFrom: false, scratch: &scratch, into: &sink)
            case .received:
                received.append(field.rawValue)
                sink.emittingRelay = true
                Self.received(field.rawValue, ReceivedTokens.all, scratch: &scratch.value, into: &sink)
                sink.emittingRelay = false
            case .messageID:
                sawMessageID = true
                unfolded(field, scratch: &scratch, into: &sink, ascii: Self.messageID(ascii:token:into:), text: messageID(_:into:))
            case .mailer: unfolded(field, scratch: &scratch, into: &sink, ascii: mailer(ascii:token:into:), text: mailer(_:into:))
            case .date: unfolded(field, scratch: &scratch, into: &sink, ascii: Self.date(ascii:token:into:), text: date(_:into:))
            case .contentType, .other: break
            }
            if kind.hasWords {
                sink.fieldGroup = group
                scratch.name.withUnsafeBufferPointer { HeaderWords.tokenize(lowercasedName: $0, field.rawValue, into: &sink) }
                sink.fieldGroup = 0
            }
        }
        sink.emittingRelay = true
        if !received.isEmpty { sink.emit(ReceivedTokens.count, String(min(received.count, 12))) }
        for value in received.suffix(2) { Self.received(value, ReceivedTokens.origin, scratch: &scratch.value, into: &sink) }
        sink.emittingRelay = false
        if !sawMessageID { sink.emit(Self.messageID, "none") }
        if !sawTo { sink.emit(AddressTokens.to.flag, "none") }
        let bucket = recipients <= 3 ? String(recipients) : recipients <= 10 ? "4-10" : recipients <= 50 ? "11-50" : "many"
        sink.emit(AddressTokens.to.flag, "count:" + bucket)
        if let replyTo { compare(replyTo: replyTo, from: from, into: &sink) }
    }

    /// A nonzero number for a lower-cased field name (see `TokenSet.headerFields`).
    static func fieldGroup(_ name: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = present.seed
        hasher.combine(name)
        return max(1, hasher.finish())
    }

    /// The field name lower-cased as `String.lowercased` does it (names are ASCII when parsed).
    static func lowercase(_ name: String, into result: inout [UInt8]) {
        result.removeAll(keepingCapacity: true)
        let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var high: UInt8 = 0
            for byte in bytes { high |= byte }
            guard high < 0x80 else { return false }
            result.append(contentsOf: bytes)
            return true
        }
        guard ascii == true else {
            result.append(contentsOf: name.lowercased().utf8)
            return
        }
        result.withUnsafeMutableBufferPointer { bytes in
            for index in bytes.indices { bytes[index] = ByteClass.lower(bytes[index]) }
        }
    }

    static func received(_ raw: ArraySlice<UInt8>, _ tokens: ReceivedTokens, scratch: inout [UInt8], into sink: inout TokenSink) {
        _ = HeaderUnfolding.unfold(raw, into: &scratch)
        scratch.withUnsafeBufferPointer { tokens.tokenize(unfolded: $0, into: &sink) }
    }

    /// The Subject's tokens from its bytes when they are its decoded value (ASCII, no encoded
    /// word); from the decoded string otherwise.
    private func subject(_ field: HeaderField, scratch: inout Scratch, into sink: inout TokenSink) {
        if !field.rawValue.contains(UInt8(ascii: "=")), HeaderUnfolding.unfold(field.rawValue, into: &scratch.value) {
            scratch.value.withUnsafeBufferPointer { subject(ascii: $0, into: &sink) }
        } else {
            subject(field.value, into: &sink)
        }
    }

    /// As `subject(_: String)` for an ASCII value.
    func subject(ascii value: UnsafeBufferPointer<UInt8>, into sink: inout TokenSink) {
        text.tokenize(value, prefix: Self.subject, into: &sink)
        var letters = 0, upper = 0
        for byte in value where ByteClass.isLetter(byte) {
            letters += 1
            if ByteClass.isUpper(byte) { upper += 1 }
        }
        if letters >= 4, upper * 10 >= letters * 6 { sink.emit(Self.subject, "*caps") }
        if value.isEmpty { sink.emit(Self.subject, "*empty") }
        if value.contains(UInt8(ascii: "!")) { sink.emit(Self.subject, "*bang") }
        if value.contains(UInt8(ascii: "$")) { sink.emit(Self.subject, "*dollar") }
        if value.count >= 3, ByteClass.lower(value[0]) == UInt8(ascii: "r"), ByteClass.lower(value[1]) == UInt8(ascii: "e"),
           value[2] == UInt8(ascii: ":") {
            sink.emit(Self.subject, "*re")
        }
        if value.count >= 2, ByteClass.lower(value[0]) == UInt8(ascii: "f"), ByteClass.lower(value[1]) == UInt8(ascii: "w") {
            sink.emit(Self.subject, "*fwd")
        }
        if value.count > 60 { sink.emit(Self.subject, "*long") }
    }

    /// Tokenizes a field by its ASCII reader when its unfolded value is ASCII (unfolded into
    /// `scratch.value`, with `scratch.token` as the reader's token space), by its String reader
    /// otherwise.
    private func unfolded(
        _ field: HeaderField, scratch: inout Scratch, into sink: inout TokenSink,
        ascii: (UnsafeBufferPointer<UInt8>, inout [UInt8], inout TokenSink) -> Void,
        text: (String, inout TokenSink) -> Void
    ) {
        if HeaderUnfolding.unfold(field.rawValue, into: &scratch.value) {
            scratch.value.withUnsafeBufferPointer { ascii($0, &scratch.token, &sink) }
        } else {
            text(field.unfolded, &sink)
        }
    }

    /// As `messageID(_: String)` for an ASCII value; `token` is scratch space.
    static func messageID(ascii value: UnsafeBufferPointer<UInt8>, token: inout [UInt8], into sink: inout TokenSink) {
        var start = 0, end = value.count
        if end > 0, value[0] == UInt8(ascii: "<") { start = 1 }
        if let close = URLTokenizer.firstIndex(of: UInt8(ascii: ">"), in: value, from: start, before: end) { end = close }
        token.removeAll(keepingCapacity: true)
        token.append(contentsOf: "shape:".utf8)
        guard let at = URLTokenizer.lastIndex(of: UInt8(ascii: "@"), in: value, from: start, before: end) else {
            Shape.append(value[start..<end], limit: 24, to: &token)
            token.append(contentsOf: "|no-at".utf8)
            token.withUnsafeBufferPointer { sink.emit(Self.messageID, exactly: $0) }
            return
        }
        Shape.append(value[start..<at], limit: 24, to: &token)
        token.append(UInt8(ascii: "@"))
        var labels = 0
        var inLabel = false
        for byte in value[(at + 1)..<end] {
            if byte == UInt8(ascii: ".") {
                inLabel = false
            } else if !inLabel {
                inLabel = true
                labels += 1
            }
        }
        token.append(contentsOf: String(labels).utf8)
        token.withUnsafeBufferPointer { sink.emit(Self.messageID, exactly: $0) }
        DomainTokens.parents(of: UnsafeBufferPointer(rebasing: value[(at + 1)..<end]), prefix: Self.messageIDDomain, into: &sink, includingSelf: true)
    }

    /// As `mailer(_: String)` for an ASCII value; `token` is scratch space.
    func mailer(ascii value: UnsafeBufferPointer<UInt8>, token: inout [UInt8], into sink: inout TokenSink) {
        token.removeAll(keepingCapacity: true)
        var lastWasDigit = false
        for byte in UnsafeBufferPointer(rebasing: value.prefix(80)) {
            let isDigit = ByteClass.isDigit(byte)
            if isDigit {
                if !lastWasDigit { token.append(UInt8(ascii: "9")) }
            } else {
                token.append(ByteClass.lower(byte))
            }
            lastWasDigit = isDigit
        }
        token.withUnsafeBufferPointer { sink.emit(Self.mailer, exactly: $0) }
        text.tokenize(value, prefix: Self.mailerWord, into: &sink, findURLs: false)
    }

    /// As `date(_: String)` for an ASCII value; `token` is scratch space.
    static func date(ascii value: UnsafeBufferPointer<UInt8>, token: inout [UInt8], into sink: inout TokenSink) {
        token.removeAll(keepingCapacity: true)
        token.append(contentsOf: "shape:".utf8)
        Shape.append(value, limit: 40, to: &token)
        token.withUnsafeBufferPointer { sink.emit(Self.date, exactly: $0) }
        // The last space-separated piece not in parentheses.
        var end = value.count
        while end > 0 {
            while end > 0, value[end - 1] == UInt8(ascii: " ") { end -= 1 }
            guard end > 0 else { break }
            var start = end - 1
            while start > 0, value[start - 1] != UInt8(ascii: " ") { start -= 1 }
            if value[start] != UInt8(ascii: "(") {
                token.removeAll(keepingCapacity: true)
                token.append(contentsOf: "zone:".utf8)
                token.append(contentsOf: UnsafeBufferPointer(rebasing: value[start..<min(end, start + 8)]))
                token.withUnsafeBufferPointer { sink.emit(Self.date, exactly: $0) }
                return
            }
            end = start
        }
    }

    /// The Subject's tokens from its decoded value.
    func subject(_ value: String, into sink: inout TokenSink) {
        var copy = value
        copy.withUTF8 { text.tokenize($0, prefix: Self.subject, into: &sink) }
        var letters = 0, upper = 0
        for byte in value.utf8 where ByteClass.isLetter(byte) {
            letters += 1
            if ByteClass.isUpper(byte) { upper += 1 }
        }
        if letters >= 4, upper * 10 >= letters * 6 { sink.emit(Self.subject, "*caps") }
        if value.isEmpty { sink.emit(Self.subject, "*empty") }
        if value.utf8.contains(UInt8(ascii: "!")) { sink.emit(Self.subject, "*bang") }
        if value.utf8.contains(UInt8(ascii: "$")) { sink.emit(Self.subject, "*dollar") }
        if value.utf8.contains(where: { $0 >= 0x80 }) { sink.emit(Self.subject, "*8bit") }
        let lower = value.prefix(4).lowercased()
        if lower.hasPrefix("re:") { sink.emit(Self.subject, "*re") }
        if lower.hasPrefix("fw") { sink.emit(Self.subject, "*fwd") }
        if value.count > 60 { sink.emit(Self.subject, "*long") }
    }

    /// How many addresses a field gave, and the first of them (made only when asked for).
    struct AddressCount {
        var count: Int
        var first: MailAddress?
    }

    /// The tokens of an address field: from the bytes when it is one plain address, else from
    /// what `AddressParser` makes of the unfolded value.
    @discardableResult
    private func addresses(
        _ field: HeaderField, _ tokens: AddressTokens, isFrom: Bool, wantsFirst: Bool = false, scratch: inout Scratch, into sink: inout TokenSink
    ) -> AddressCount {
        if HeaderUnfolding.unfold(field.rawValue, into: &scratch.value) {
            let found = scratch.value.withUnsafeBufferPointer { value -> AddressCount? in
                guard let plain = PlainAddress(value) else { return nil }
                plainAddressTokens(value, plain, tokens, isFrom: isFrom, token: &scratch.token, into: &sink)
                return AddressCount(count: 1, first: wantsFirst ? plain.mailAddress(in: value) : nil)
            }
            if let found { return found }
        }
        let parsed = addresses(parsing: field.unfolded, tokens, isFrom: isFrom, into: &sink)
        return AddressCount(count: parsed.count, first: parsed.first)
    }

    /// As `addresses(parsing:)` gives them for a value that is one plain address.
    func plainAddressTokens(
        _ value: UnsafeBufferPointer<UInt8>, _ plain: PlainAddress, _ tokens: AddressTokens, isFrom: Bool, token: inout [UInt8], into sink: inout TokenSink
    ) {
        let local = UnsafeBufferPointer(rebasing: value[plain.local]), domain = UnsafeBufferPointer(rebasing: value[plain.domain])
        token.removeAll(keepingCapacity: true)
        token.append(contentsOf: local)
        token.append(UInt8(ascii: "@"))
        token.append(contentsOf: domain)
        token.withUnsafeBufferPointer { sink.emit(tokens.address, lowering: $0) }
        DomainTokens.parents(of: domain, prefix: tokens.domain, into: &sink, includingSelf: true)
        guard isFrom else { return }
        token.removeAll(keepingCapacity: true)
        token.append(contentsOf: "local:".utf8)
        Shape.append(local, limit: 16, to: &token)
        token.withUnsafeBufferPointer { sink.emit(tokens.flag, exactly: $0) }
        if plain.displayName(in: value, into: &token) {
            token.withUnsafeBufferPointer { text.tokenize($0, prefix: tokens.name, into: &sink, findURLs: false) }
            if token.contains(UInt8(ascii: "@")) { sink.emit(tokens.flag, "name-has-address") }
        } else {
            sink.emit(tokens.flag, "no-name")
        }
    }

    /// The tokens of the addresses `AddressParser` finds in an unfolded value.
    func addresses(parsing value: String, _ tokens: AddressTokens, isFrom: Bool, into sink: inout TokenSink) -> [MailAddress] {
        let parsed = AddressParser.parse(value).addresses
        if parsed.isEmpty { sink.emit(tokens.flag, "unparsed") }
        for address in parsed.prefix(20) {
            sink.emitLowercased(tokens.address, address.address)
            DomainTokens.parents(of: address.domain, prefix: tokens.domain, into: &sink, includingSelf: true)
            if address.group != nil { sink.emit(tokens.flag, "group") }
            guard isFrom else { continue }
            sink.emit(tokens.flag, "local:" + Shape.of(address.localPart, limit: 16))
            if let name = address.displayName, !name.isEmpty {
                let decoded = name.utf8.contains(UInt8(ascii: "=")) ? EncodedWordDecoder.decode(name).text : name
                var copy = decoded
                copy.withUTF8 { text.tokenize($0, prefix: tokens.name, into: &sink, findURLs: false) }
                if decoded.utf8.contains(UInt8(ascii: "@")) { sink.emit(tokens.flag, "name-has-address") }
            } else {
                sink.emit(tokens.flag, "no-name")
            }
        }
        return parsed
    }

    private func compare(replyTo: MailAddress, from: MailAddress?, into sink: inout TokenSink) {
        if from?.address.lowercased() == replyTo.address.lowercased() {
            sink.emit(AddressTokens.replyTo.flag, "same-as-from")
        } else if from?.domain == replyTo.domain {
            sink.emit(AddressTokens.replyTo.flag, "same-domain")
        } else {
            sink.emit(AddressTokens.replyTo.flag, "differs")
        }
    }

    /// The Message-ID's tokens from its unfolded value.
    func messageID(_ value: String, into sink: inout TokenSink) {
        var id = Substring(value)
        if id.hasPrefix("<") { id = id.dropFirst() }
        if let close = id.firstIndex(of: ">") { id = id[..<close] }
        guard let at = id.lastIndex(of: "@") else {
            sink.emit(Self.messageID, "shape:" + Shape.of(String(id), limit: 24) + "|no-at")
            return
        }
        let local = String(id[..<at]), domain = String(id[id.index(after: at)...])
        let labels = domain.split(separator: ".").count
        sink.emit(Self.messageID, "shape:" + Shape.of(local, limit: 24) + "@" + String(labels))
        DomainTokens.parents(of: domain, prefix: Self.messageIDDomain, into: &sink, includingSelf: true)
    }

    /// The mailer's tokens from its unfolded value.
    func mailer(_ value: String, into sink: inout TokenSink) {
        // Digits are collapsed so that versions of one program share a token.
        var collapsed = ""
        var lastWasDigit = false
        for scalar in value.lowercased().unicodeScalars.prefix(80) {
            let isDigit = scalar.properties.numericType != nil && scalar.isASCII
            if isDigit {
                if !lastWasDigit { collapsed.unicodeScalars.append("9") }
            } else {
                collapsed.unicodeScalars.append(scalar)
            }
            lastWasDigit = isDigit
        }
        sink.emit(Self.mailer, collapsed)
        var copy = value
        copy.withUTF8 { text.tokenize($0, prefix: Self.mailerWord, into: &sink, findURLs: false) }
    }

    /// The Date's tokens from its unfolded value.
    func date(_ value: String, into sink: inout TokenSink) {
        sink.emit(Self.date, "shape:" + Shape.of(value, limit: 40))
        if let zone = value.split(separator: " ").last(where: { !$0.hasPrefix("(") }) {
            sink.emit(Self.date, "zone:" + zone.prefix(8))
        }
    }

    /// The charset of every RFC 2047 encoded word ("=?big5?B?...?=") in a raw value.
    private func charsets(of raw: ArraySlice<UInt8>, into sink: inout TokenSink) {
        raw.withUnsafeBufferPointer { bytes in
            var index = 0
            while index + 2 < bytes.count {
                if bytes[index] == UInt8(ascii: "="), bytes[index + 1] == UInt8(ascii: "?") {
                    var end = index + 2
                    while end < bytes.count, end - index < 40, bytes[end] != UInt8(ascii: "?"), !ByteClass.isSpace(bytes[end]) { end += 1 }
                    if end < bytes.count, bytes[end] == UInt8(ascii: "?"), end > index + 2 {
                        sink.emit(Self.encoded, lowering: UnsafeBufferPointer(rebasing: bytes[(index + 2)..<end]))
                    }
                    index = end
                } else {
                    index += 1
                }
            }
        }
    }
}
