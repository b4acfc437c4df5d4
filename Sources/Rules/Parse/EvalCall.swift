/// `function(arguments)` after `eval:`, split the way SpamAssassin packs eval arguments:
/// comma-separated, each quoted with ' or " or bare (`[0-9.:A-Za-z-]`).
struct EvalCall: Sendable, Hashable {
    var function: String
    var arguments: [EvalArgument]

    init(parsing text: some Collection<UInt8>) throws(RuleSyntaxError) {
        let bytes = Array(text)
        guard let open = bytes.firstIndex(of: UInt8(ascii: "(")), open > 0, bytes.last == UInt8(ascii: ")"),
              bytes[..<open].allSatisfy(ByteClass.isWord) else {
            throw RuleSyntaxError("eval needs function(arguments), not '\(String(decoding: bytes, as: UTF8.self))'")
        }
        function = String(decoding: bytes[..<open], as: UTF8.self)
        arguments = try Self.arguments(in: Array(bytes[(open + 1)..<(bytes.count - 1)]), function: function)
    }

    private static func arguments(in bytes: [UInt8], function: String) throws(RuleSyntaxError) -> [EvalArgument] {
        var arguments: [EvalArgument] = []
        var index = 0
        func skipSpaces() { while index < bytes.count, ByteClass.isSpace(bytes[index]) { index += 1 } }
        /// After an argument: spaces, then a comma (and spaces) or the end.
        func separatorEnd(from position: Int) -> Int? {
            var probe = position
            while probe < bytes.count, ByteClass.isSpace(bytes[probe]) { probe += 1 }
            if probe == bytes.count { return probe }
            guard bytes[probe] == UInt8(ascii: ",") else { return nil }
            probe += 1
            while probe < bytes.count, ByteClass.isSpace(bytes[probe]) { probe += 1 }
            return probe
        }
        skipSpaces()
        while index < bytes.count {
            let first = bytes[index]
            if first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") {
                // The closing quote is the first one followed by a separator, so 'it's' is one argument.
                var close = index + 1
                var next: Int?
                while close < bytes.count {
                    if bytes[close] == first, let end = separatorEnd(from: close + 1) {
                        next = end
                        break
                    }
                    close += 1
                }
                guard let next else { throw RuleSyntaxError("unterminated quoted argument of \(function)()") }
                arguments.append(EvalArgument(text: String(decoding: bytes[(index + 1)..<close], as: UTF8.self), quoted: true))
                index = next
            } else {
                var end = index
                while end < bytes.count, ByteClass.isWord(bytes[end]) && bytes[end] != UInt8(ascii: "_")
                    || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ":") || bytes[end] == UInt8(ascii: "-") {
                    end += 1
                }
                guard end > index, let next = separatorEnd(from: end) else {
                    throw RuleSyntaxError("bad argument of \(function)() at '\(String(decoding: bytes[index...], as: UTF8.self))' (quote it)")
                }
                arguments.append(EvalArgument(text: String(decoding: bytes[index..<end], as: UTF8.self), quoted: false))
                index = next
            }
        }
        return arguments
    }
}
