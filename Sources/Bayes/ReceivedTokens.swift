/// A Received field reduced to what identifies the relays: host names and their parent domains
/// (`r:h:`, `r:d:`), IPv4 addresses with their /24 and /16 (`r:ip:`), the protocol (`r:w:`), and
/// whether a relay had no reverse DNS (`r:unknown`). Dates, queue ids and the rest are dropped.
struct ReceivedTokens: Sendable {
    let host: TokenPrefix
    let domain: TokenPrefix
    let address: TokenPrefix
    let with: TokenPrefix
    let flag: TokenPrefix

    init(_ short: String) {
        host = TokenPrefix("\(short):h:")
        domain = TokenPrefix("\(short):d:")
        address = TokenPrefix("\(short):ip:")
        with = TokenPrefix("\(short):w:")
        flag = TokenPrefix("\(short):")
    }

    /// Every Received field.
    static let all = ReceivedTokens("r")
    /// The two earliest hops (the last two fields): where the message entered the mail system.
    static let origin = ReceivedTokens("r0")
    static let count = TokenPrefix("r:count:")

    /// Tokens of the unfolded value (`HeaderField.unfolded`).
    func tokenize(_ value: String, into sink: inout TokenSink) {
        var copy = value
        copy.withUTF8 { tokenize(unfolded: $0, into: &sink) }
    }

    /// Tokens of the unfolded value's bytes. Only ASCII bytes make words, so the raw 8-bit
    /// bytes (`HeaderUnfolding`) give the same tokens as the string's UTF-8.
    func tokenize(unfolded bytes: UnsafeBufferPointer<UInt8>, into sink: inout TokenSink) {
        // The date after the last ";" says nothing about the relay.
        var end = bytes.count
        if let semicolon = bytes.lastIndex(of: UInt8(ascii: ";")) { end = semicolon }
        words(UnsafeBufferPointer(rebasing: bytes[0..<end]), into: &sink)
    }

    private func words(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout TokenSink) {
        var index = 0
        var previousWord: (start: Int, end: Int)? = nil
        while index < bytes.count {
            let byte = bytes[index]
            guard ByteClass.isAlnum(byte) else {
                index += 1
                continue
            }
            var end = index
            var dots = 0, letters = 0
            while end < bytes.count {
                let next = bytes[end]
                if next == UInt8(ascii: ".") {
                    dots += 1
                } else if ByteClass.isLetter(next) {
                    letters += 1
                } else if !(ByteClass.isDigit(next) || next == UInt8(ascii: "-") || next == UInt8(ascii: "_")) {
                    break
                }
                end += 1
            }
            while end > index, bytes[end - 1] == UInt8(ascii: ".") {
                end -= 1
                dots -= 1
            }
            let word = UnsafeBufferPointer(rebasing: bytes[index..<end])
            if DomainTokens.isIPv4(word) {
                ipAddress(word, into: &sink)
            } else if dots >= 1, letters > 0, word.count <= 255, Self.endsInTopLevelDomain(word) {
                sink.emit(host, lowering: word)
                DomainTokens.parents(of: word, prefix: domain, into: &sink)
            } else if HTMLScanner.equalsLower(word, "unknown") {
                sink.emit(flag, "unknown")
            } else if let previous = previousWord,
                      HTMLScanner.equalsLower(UnsafeBufferPointer(rebasing: bytes[previous.start..<previous.end]), "with"), word.count <= 16 {
                sink.emit(with, lowering: word)
            }
            previousWord = (index, end)
            index = max(end, index + 1)
        }
    }

    /// Whether a dotted word ends as a host name does, in a top-level domain of letters (or an
    /// IDN "xn--" one): "fetchmail-5.9.0", "vM.4.01.03.27" or "v1.5" in a comment are program
    /// versions, and taken for hosts (with parent domains "9.0", "03.27") they made up relays.
    static func endsInTopLevelDomain(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let dot = word.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let label = UnsafeBufferPointer(rebasing: word[(dot + 1)...])
        return (label.count >= 2 && label.allSatisfy(ByteClass.isLetter)) || URLTokenizer.hasPrefix(label, at: 0, "xn--")
    }

    private func ipAddress(_ word: UnsafeBufferPointer<UInt8>, into sink: inout TokenSink) {
        sink.emit(address, exactly: word)
        // An IPv4 address has exactly three dots: the /24 ends at the third, the /16 at the second.
        var found = 0, second = 0, third = 0
        for offset in word.indices where word[offset] == UInt8(ascii: ".") {
            found += 1
            if found == 2 { second = offset } else if found == 3 { third = offset }
        }
        sink.emit(address, exactly: UnsafeBufferPointer(rebasing: word[0..<third]))
        sink.emit(address, exactly: UnsafeBufferPointer(rebasing: word[0..<second]))
    }
}
