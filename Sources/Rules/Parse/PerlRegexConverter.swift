/// Turns the Perl regular expressions of SpamAssassin rule files into PCRE2 patterns.
///
/// PCRE2 already speaks most of Perl's dialect, so the pattern is mostly copied. The converter
/// strips the delimiters and turns the modifiers into options (`i s m x xx n`; `g o` and the
/// charset modifiers `a aa d l u p` are dropped), unescapes the delimiter where that is safe,
/// rewrites what PCRE2 spells differently (`{,n}`, `\N{U+hh}`, Perl-only inline modifiers) and
/// refuses what it cannot run: embedded code `(?{…})`, Perl string escapes (`\L \U \l \u \F`),
/// named characters, Unicode boundaries `\b{…}`, and unbalanced groups or classes.
public enum PerlRegexConverter {
    /// Converts a delimited regex such as `/foo/i` or `m{a{2}}s`.
    public static func convert(_ text: String) throws(RegexConversionError) -> RegexPattern {
        try convert(bytes: Array(text.utf8))
    }

    /// Converts a delimited regex given as the raw bytes of the rule file.
    public static func convert(bytes: [UInt8]) throws(RegexConversionError) -> RegexPattern {
        let literal = try PerlRegexLiteral(parsing: bytes[...])
        return try translate(literal, perlText: String(decoding: bytes, as: UTF8.self))
    }

    static func translate(_ literal: PerlRegexLiteral, perlText: String) throws(RegexConversionError) -> RegexPattern {
        let options = try options(from: literal.modifiers)
        var translator = PerlPatternTranslator(body: literal.body, delimiters: (literal.openDelimiter, literal.closeDelimiter), extended: options.contains(.extended))
        try translator.run()
        return RegexPattern(source: translator.output, options: options, perlText: perlText,
                            captureTemplates: translator.captureTemplates, capturedTags: translator.capturedTags)
    }

    static func options(from modifiers: [UInt8]) throws(RegexConversionError) -> PatternOptions {
        var options: PatternOptions = []
        var extendedCount = 0
        for modifier in modifiers {
            switch modifier {
            case UInt8(ascii: "i"): options.insert(.caseless)
            case UInt8(ascii: "s"): options.insert(.dotAll)
            case UInt8(ascii: "m"): options.insert(.multiline)
            case UInt8(ascii: "x"): extendedCount += 1
            case UInt8(ascii: "n"): options.insert(.noAutoCapture)
            // g and o mean nothing for a compiled rule; a, d, l, u and p choose Perl charset
            // semantics, and PCRE2's non-UTF mode already matches bytes with ASCII classes.
            case UInt8(ascii: "g"), UInt8(ascii: "o"), UInt8(ascii: "c"), UInt8(ascii: "a"), UInt8(ascii: "d"),
                 UInt8(ascii: "l"), UInt8(ascii: "u"), UInt8(ascii: "p"):
                break
            default:
                throw RegexConversionError("unknown regex modifier '\(Character(Unicode.Scalar(modifier)))'")
            }
        }
        if extendedCount >= 1 { options.insert(.extended) }
        if extendedCount >= 2 { options.insert(.extendedMore) }
        return options
    }
}
