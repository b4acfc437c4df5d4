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

    func tokenize(_ headers: HeaderSection, into sink: inout TokenSink) {
        var received: [String] = []
        var recipients = 0
        var from: MailAddress?, replyTo: MailAddress?
        for field in headers.fields {
            guard !sink.isFull else { return }
            let name = field.name.lowercased()
            sink.emit(Self.present, name)
            charsets(of: field.rawValue, into: &sink)
            switch name {
            case "subject": subject(field.value, into: &sink)
            case "from":
                let parsed = addresses(field, AddressTokens.from, isFrom: true, into: &sink)
                if from == nil { from = parsed.first }
            case "to", "cc": recipients += addresses(field, AddressTokens.to, isFrom: false, into: &sink).count
            case "reply-to":
                let parsed = addresses(field, AddressTokens.replyTo, isFrom: false, into: &sink)
                if replyTo == nil { replyTo = parsed.first }
            case "return-path": addresses(field, AddressTokens.returnPath, isFrom: false, into: &sink)
            case "sender": addresses(field, AddressTokens.sender, isFrom: false, into: &sink)
            case "errors-to": addresses(field, AddressTokens.errorsTo, isFrom: false, into: &sink)
            case "received":
                let value = field.unfolded
                received.append(value)
                ReceivedTokens.all.tokenize(value, into: &sink)
            case "message-id": messageID(field.unfolded, into: &sink)
            case "x-mailer", "user-agent", "x-newsreader", "x-mimeole": mailer(field.unfolded, into: &sink)
            case "date": date(field.unfolded, into: &sink)
            default: break
            }
            if !HeaderWords.skipped.contains(name) { HeaderWords.tokenize(name, field.rawValue, into: &sink) }
        }
        if !received.isEmpty { sink.emit(ReceivedTokens.count, String(min(received.count, 12))) }
        for value in received.suffix(2) { ReceivedTokens.origin.tokenize(value, into: &sink) }
        if !headers.contains("Message-ID") { sink.emit(Self.messageID, "none") }
        if !headers.contains("To") { sink.emit(AddressTokens.to.flag, "none") }
        let bucket = recipients <= 3 ? String(recipients) : recipients <= 10 ? "4-10" : recipients <= 50 ? "11-50" : "many"
        sink.emit(AddressTokens.to.flag, "count:" + bucket)
        if let replyTo { compare(replyTo: replyTo, from: from, into: &sink) }
    }

    private func subject(_ value: String, into sink: inout TokenSink) {
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

    @discardableResult
    private func addresses(_ field: HeaderField, _ tokens: AddressTokens, isFrom: Bool, into sink: inout TokenSink) -> [MailAddress] {
        let parsed = AddressParser.parse(field.unfolded).addresses
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

    private func messageID(_ value: String, into sink: inout TokenSink) {
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

    private func mailer(_ value: String, into sink: inout TokenSink) {
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

    private func date(_ value: String, into sink: inout TokenSink) {
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
