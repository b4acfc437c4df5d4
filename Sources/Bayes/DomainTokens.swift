/// Domain name helpers shared by URL, address and Received tokens.
enum DomainTokens {
    /// Each parent domain of at least two labels, up to five of them: `a.b.example.com` gives
    /// `b.example.com` and `example.com` (the name itself is the caller's token).
    static func parents(of name: UnsafeBufferPointer<UInt8>, prefix: TokenPrefix, into sink: inout TokenSink, includingSelf: Bool = false) {
        guard name.contains(UInt8(ascii: ".")) else {
            if includingSelf, !name.isEmpty { sink.emit(prefix, lowering: name) }
            return
        }
        // From the right: the suffix after the second-to-last dot, then after each dot before
        // it, then (including self) the whole name; five at most.
        var emitted = 0, dotsSeen = 0
        var index = name.count - 1
        while index >= 0, emitted < 5 {
            if name[index] == UInt8(ascii: ".") {
                dotsSeen += 1
                if dotsSeen >= 2 {
                    if index + 1 < name.count { sink.emit(prefix, lowering: UnsafeBufferPointer(rebasing: name[(index + 1)...])) }
                    emitted += 1
                }
            }
            index -= 1
        }
        if includingSelf, emitted < 5 { sink.emit(prefix, lowering: name) }
    }

    static func parents(of name: String, prefix: TokenPrefix, into sink: inout TokenSink, includingSelf: Bool = false) {
        var copy = name
        copy.withUTF8 { parents(of: $0, prefix: prefix, into: &sink, includingSelf: includingSelf) }
    }

    /// Four dot-separated decimal numbers of at most three digits.
    static func isIPv4(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        var dots = 0, digits = 0
        for byte in name {
            if byte == UInt8(ascii: ".") {
                guard digits > 0 else { return false }
                dots += 1
                digits = 0
            } else if ByteClass.isDigit(byte) {
                digits += 1
                if digits > 3 { return false }
            } else {
                return false
            }
        }
        return dots == 3 && digits > 0
    }
}
