/// A pattern PCRE2 refused, with where and why.
public struct RegexCompileError: Error, Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    /// Byte offset in the pattern where PCRE2 stopped.
    public let offset: Int
    /// The PCRE2 error code.
    public let code: Int32
    public let message: String

    public init(pattern: String, offset: Int, code: Int32, message: String) {
        self.pattern = pattern
        self.offset = offset
        self.code = code
        self.message = message
    }

    public var description: String { "regex error at offset \(offset): \(message) in /\(pattern)/" }
}
