/// A dump that cannot be restored, and the line that says why.
public struct BayesDumpError: Error, Sendable, Hashable, CustomStringConvertible {
    public let line: Int
    public let message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "line \(line): \(message)" }
}
