/// Domain name helpers shared by URL, address and Received tokens.
enum DomainTokens {
    /// Each parent domain of at least two labels, up to five of them: `a.b.example.com` gives
    /// `b.example.com` and `example.com` (the name itself is the caller's token).
    static func parents(of name: UnsafeBufferPointer<UInt8>, prefix: TokenPrefix, into sink: inout TokenSink, includingSelf: Bool = false) {
        var dots: [Int] = []
        for (index, byte) in name.enumerated() where byte == UInt8(ascii: ".") { dots.append(index) }
        guard dots.count >= 1 else {
            if includingSelf, !name.isEmpty { sink.emit(prefix, lowering: name) }
            return
        }
        // Suffix starting after dots[k] has (dots.count - k) labels.
        let firstKept = includingSelf ? -1 : 0
        var emitted = 0
        var position = dots.count - 2
        while position >= firstKept, emitted < 5 {
            let start = position < 0 ? 0 : dots[position] + 1
            if start < name.count { sink.emit(prefix, lowering: UnsafeBufferPointer(rebasing: name[start...])) }
            emitted += 1
            position -= 1
        }
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
