/// Compile options of a converted pattern, from the Perl modifiers after the closing delimiter.
/// The bits of `caseless`, `dotAll`, `multiline` and `extended` are those of the PCRE2 wrapper's
/// `RegexOptions`, so `RegexOptions(rawValue: options.rawValue)` carries them over;
/// `extendedMore` and `noAutoCapture` stand for PCRE2_EXTENDED_MORE and PCRE2_NO_AUTO_CAPTURE.
public struct PatternOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// `i`: PCRE2_CASELESS.
    public static let caseless = PatternOptions(rawValue: 1 << 0)
    /// `s`: PCRE2_DOTALL.
    public static let dotAll = PatternOptions(rawValue: 1 << 1)
    /// `m`: PCRE2_MULTILINE.
    public static let multiline = PatternOptions(rawValue: 1 << 2)
    /// `x`: PCRE2_EXTENDED.
    public static let extended = PatternOptions(rawValue: 1 << 3)
    /// `xx`: PCRE2_EXTENDED_MORE.
    public static let extendedMore = PatternOptions(rawValue: 1 << 4)
    /// `n`: PCRE2_NO_AUTO_CAPTURE.
    public static let noAutoCapture = PatternOptions(rawValue: 1 << 5)
}
