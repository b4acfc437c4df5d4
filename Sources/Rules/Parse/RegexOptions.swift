/// Compile options of a converted pattern, from the Perl modifiers after the closing delimiter.
/// The PCRE2 wrapper maps them to PCRE2's own flags.
public struct RegexOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// `i`: PCRE2_CASELESS.
    public static let caseless = RegexOptions(rawValue: 1 << 0)
    /// `s`: PCRE2_DOTALL.
    public static let dotAll = RegexOptions(rawValue: 1 << 1)
    /// `m`: PCRE2_MULTILINE.
    public static let multiline = RegexOptions(rawValue: 1 << 2)
    /// `x`: PCRE2_EXTENDED.
    public static let extended = RegexOptions(rawValue: 1 << 3)
    /// `xx`: PCRE2_EXTENDED_MORE.
    public static let extendedMore = RegexOptions(rawValue: 1 << 4)
    /// `n`: PCRE2_NO_AUTO_CAPTURE.
    public static let noAutoCapture = RegexOptions(rawValue: 1 << 5)
}
