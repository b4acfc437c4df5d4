import CPCRE2

/// The Perl modifiers a rule can carry (`/i`, `/s`, `/m`, `/x`), as PCRE2 compile options.
public struct RegexOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `/i`: ASCII letters match either case (bytes above 127 are compared as they are, as Perl does
    /// for byte strings).
    public static let caseless = RegexOptions(rawValue: 1 << 0)
    /// `/s`: `.` also matches a line break.
    public static let dotAll = RegexOptions(rawValue: 1 << 1)
    /// `/m`: `^` and `$` also match at line breaks inside the text.
    public static let multiline = RegexOptions(rawValue: 1 << 2)
    /// `/x`: white space and `#` comments in the pattern are ignored.
    public static let extended = RegexOptions(rawValue: 1 << 3)

    var pcre2Flags: UInt32 {
        var flags: UInt32 = 0
        if contains(.caseless) { flags |= UInt32(PCRE2_CASELESS) }
        if contains(.dotAll) { flags |= UInt32(PCRE2_DOTALL) }
        if contains(.multiline) { flags |= UInt32(PCRE2_MULTILINE) }
        if contains(.extended) { flags |= UInt32(PCRE2_EXTENDED) }
        return flags
    }
}
