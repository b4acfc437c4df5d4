/// A directive the rule loader recognised but does not interpret itself (`freemail_domains`,
/// `util_rb_tld`, `uridnssub`, `bayes_ignore_header`, `test`…), kept in file order for the
/// component that does.
public struct ConfigSetting: Sendable, Hashable, CustomStringConvertible {
    /// The directive, lower-cased with `-` turned into `_`.
    public let name: String
    /// The rest of the line, comments removed.
    public let value: String
    public let location: SourceLocation

    public init(name: String, value: String, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }

    public var description: String { "\(name) \(value)" }
}
