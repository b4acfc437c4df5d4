/// Which header text a header rule reads: a field name (matched without regard to case) or a
/// pseudo-header, and modifiers.
public struct HeaderSelector: Sendable, Hashable, CustomStringConvertible {
    /// As written in the rule, e.g. "From", "ALL", "ToCc".
    public let name: String
    public let modifiers: [HeaderModifier]

    public init(name: String, modifiers: [HeaderModifier] = []) {
        self.name = name
        self.modifiers = modifiers
    }

    /// Set when `name` is a computed header such as ALL or ToCc rather than a field name.
    public var pseudoHeader: PseudoHeader? { PseudoHeader(headerName: name) }

    public func has(_ modifier: HeaderModifier) -> Bool { modifiers.contains(modifier) }

    public var description: String {
        ([name] + modifiers.map(\.rawValue)).joined(separator: ":")
    }
}
