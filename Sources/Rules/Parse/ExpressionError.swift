/// Why a meta expression or an `if` condition could not be read.
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) {
        self.reason = reason
    }

    public var description: String { reason }
}
