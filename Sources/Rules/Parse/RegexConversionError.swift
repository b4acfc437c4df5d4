/// Why a Perl regular expression from a rule file could not become a PCRE2 pattern.
public struct RegexConversionError: Error, Sendable, Hashable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
