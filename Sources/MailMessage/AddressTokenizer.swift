/// Cuts an address header value into `AddressToken`s. Unterminated quoted strings, comments and
/// domain literals run to the end of the value and are reported.
enum AddressTokenizer {
    static func tokenize(_ input: UnsafeBufferPointer<UInt8>) -> (tokens: [AddressToken], defects: [DefectKind]) {
        var tokens: [AddressToken] = []
        var defects: [DefectKind] = []
        var at = 0
        var space = false
        let count = input.count
        while at < count {
            let byte = input[at]
            switch byte {
            case 0x20, 0x09, 0x0D, 0x0A:
                space = true
                at += 1
            case UInt8(ascii: "("):
                let (content, end, closed) = comment(input, from: at)
                if !closed { defects.appendOnce(.badAddress) }
                tokens.append(AddressToken(kind: .comment, bytes: content, spaceBefore: space))
                space = true
                at = end
            case UInt8(ascii: "\""):
                let (content, end, closed) = delimited(input, from: at + 1, close: UInt8(ascii: "\""))
                if !closed { defects.appendOnce(.badAddress) }
                tokens.append(AddressToken(kind: .quotedString, bytes: content, spaceBefore: space))
                space = false
                at = end
            case UInt8(ascii: "["):
                let (content, end, closed) = delimited(input, from: at + 1, close: UInt8(ascii: "]"))
                if !closed { defects.appendOnce(.badAddress) }
                let literal = [UInt8(ascii: "[")] + content.filter { $0 != 0x20 && $0 != 0x09 } + [UInt8(ascii: "]")]
                tokens.append(AddressToken(kind: .domainLiteral, bytes: literal, spaceBefore: space))
                space = false
                at = end
            case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "@"), UInt8(ascii: ","), UInt8(ascii: ";"),
                 UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: ")"), UInt8(ascii: "]"):
                tokens.append(AddressToken(kind: .special, bytes: [byte], spaceBefore: space))
                space = false
                at += 1
            default:
                let end = atomEnd(input, from: at)
                tokens.append(AddressToken(kind: .atom, bytes: Array(input[at..<end]), spaceBefore: space))
                space = false
                at = end
            }
        }
        return (tokens, defects)
    }

    private static func isAtomByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0D, 0x0A, UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
             UInt8(ascii: "@"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "\""),
             UInt8(ascii: "."), UInt8(ascii: "["), UInt8(ascii: "]"):
            false
        default:
            true
        }
    }

    /// Where the atom starting at `from` ends. An encoded word inside is taken whole, even when
    /// its encoded text holds specials (`=?utf-8?q?Smith,_J.?=`), as mail readers do.
    private static func atomEnd(_ input: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var at = from
        while at < input.count {
            if input[at] == UInt8(ascii: "="), let end = encodedWordEnd(input, from: at) {
                at = end
                continue
            }
            guard isAtomByte(input[at]) else { break }
            at += 1
        }
        return max(at, from + 1)
    }

    /// The end of a well-formed `=?charset?X?text?=` at `from` without white space inside, or nil.
    private static func encodedWordEnd(_ input: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let count = input.count
        guard from + 1 < count, input[from + 1] == UInt8(ascii: "?") else { return nil }
        var at = from + 2
        while at < count, at - from < 80, input[at] > 0x20, input[at] < 0x7F,
              input[at] != UInt8(ascii: "?"), input[at] != UInt8(ascii: "=") { at += 1 }
        guard at > from + 2, at + 2 < count, input[at] == UInt8(ascii: "?"), input[at + 2] == UInt8(ascii: "?") else { return nil }
        switch input[at + 1] {
        case UInt8(ascii: "B"), UInt8(ascii: "b"), UInt8(ascii: "Q"), UInt8(ascii: "q"): break
        default: return nil
        }
        at += 3
        while at < count, input[at] > 0x20, input[at] != UInt8(ascii: "?") { at += 1 }
        guard at + 1 < count, input[at] == UInt8(ascii: "?"), input[at + 1] == UInt8(ascii: "=") else { return nil }
        return at + 2
    }

    /// A quoted string's or domain literal's content from `from` to `close`, backslash escapes
    /// resolved; the end index is past the closing byte.
    private static func delimited(_ input: UnsafeBufferPointer<UInt8>, from: Int, close: UInt8) -> ([UInt8], Int, Bool) {
        var content: [UInt8] = []
        var at = from
        while at < input.count {
            let byte = input[at]
            if byte == close { return (content, at + 1, true) }
            if byte == UInt8(ascii: "\\"), at + 1 < input.count {
                content.append(input[at + 1])
                at += 2
                continue
            }
            if byte != 0x0D && byte != 0x0A { content.append(byte) }
            at += 1
        }
        return (content, at, false)
    }

    /// A comment starting at the `(` at `from`, nested comments included in its content.
    private static func comment(_ input: UnsafeBufferPointer<UInt8>, from: Int) -> ([UInt8], Int, Bool) {
        var content: [UInt8] = []
        var depth = 1
        var at = from + 1
        while at < input.count {
            let byte = input[at]
            if byte == UInt8(ascii: "\\"), at + 1 < input.count {
                content.append(input[at + 1])
                at += 2
                continue
            }
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return (content, at + 1, true) }
            }
            if byte != 0x0D && byte != 0x0A { content.append(byte) }
            at += 1
        }
        return (content, at, false)
    }
}
