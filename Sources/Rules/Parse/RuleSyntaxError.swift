/// Why one line of a rule file could not be used.
struct RuleSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    let reason: String

    init(_ reason: String) {
        self.reason = reason
    }

    var description: String { reason }
}
