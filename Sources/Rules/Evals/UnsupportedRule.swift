/// An `eval:` rule the engine cannot run, with the function it calls and why: it loads, never
/// hits, and metas read it as false, as SpamAssassin does without the plugin behind it.
public struct UnsupportedRule: Sendable, Hashable, CustomStringConvertible {
    public let rule: String
    public let function: String
    public let reason: String

    public init(rule: String, function: String, reason: String) {
        self.rule = rule
        self.function = function
        self.reason = reason
    }

    public var description: String { "\(rule): \(reason)" }
}
