/// A rule's regular expression, converted from Perl syntax to a PCRE2 pattern (bytes, without
/// delimiters) and compile options. It is meant for PCRE2's 8-bit, non-UTF mode, which matches
/// SpamAssassin: rules match raw bytes, and `\d \w \s` are ASCII only.
public struct RegexPattern: Sendable, Hashable, CustomStringConvertible {
    /// The PCRE2 pattern. Bytes, not a String: rule files hold Latin-1 and raw 8-bit bytes.
    public let source: [UInt8]
    public let options: PatternOptions
    /// The pattern as the rule file wrote it, delimiters and modifiers included (for messages).
    public let perlText: String
    /// Names of `%{NAME}` capture templates: SpamAssassin 4 replaces each at match time with the
    /// (quoted) text another rule captured as NAME, and skips the rule while a tag is missing.
    /// The template text is left in `source` as is.
    public let captureTemplates: [String]
    /// Upper-case named groups `(?<NAME>…)`: the rule captures tags for other rules.
    public let capturedTags: [String]

    public init(source: [UInt8], options: PatternOptions = [], perlText: String, captureTemplates: [String] = [], capturedTags: [String] = []) {
        self.source = source
        self.options = options
        self.perlText = perlText
        self.captureTemplates = captureTemplates
        self.capturedTags = capturedTags
    }

    /// The pattern as text; bytes that are not UTF-8 show as U+FFFD.
    public var sourceText: String { String(decoding: source, as: UTF8.self) }

    public var description: String { perlText }
}
