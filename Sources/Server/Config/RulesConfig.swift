/// `[rules]`: SpamAssassin rule files run by the rule engine.
public struct RulesConfig: Sendable, Equatable, ConfigSection {
    static let name = "rules"

    public var enabled: Bool
    /// Rule files and directories (a directory contributes its `*.cf` files), loaded in order.
    /// nil: `defaultPaths`.
    public var paths: [String]?

    public static let stockRules = "/usr/share/spamassassin"
    public static let localRules = "/etc/spamassassin/local.cf"

    public init() {
        enabled = true
        paths = nil
    }

    /// `--rules PATH…`: these paths instead of the configured ones, and the rules turned on.
    /// No paths: unchanged.
    public mutating func replacePaths(with replacement: [String]) {
        guard !replacement.isEmpty else { return }
        paths = replacement
        enabled = true
    }

    init(reading table: ConfigTableReader) {
        self.init()
        if let value = table.bool("enabled") { enabled = value }
        if let value = table.strings("paths") { paths = value }
    }

    func write(to writer: inout ConfigTOMLWriter) {
        writer.set("enabled", .bool(enabled))
        if let paths {
            writer.set("paths", .strings(paths))
        } else {
            writer.unset("paths", "swfilter's rules directory, then \(Self.stockRules) and \(Self.localRules) when present")
        }
    }
}
