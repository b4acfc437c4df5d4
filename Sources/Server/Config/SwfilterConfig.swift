import MailMessage

/// The whole of swfilter.toml, every key with its default.
///
/// Adding a section: write its `ConfigSection` struct, add its property here, and one line to
/// `sections`. Reading, unknown-key checks, did-you-mean and `config show` follow from that.
public struct SwfilterConfig: Sendable, Equatable {
    public var general: GeneralConfig
    public var limits: LimitsConfig
    public var policy: PolicyConfig
    public var filter: FilterConfig
    public var virus: VirusConfig
    public var rules: RulesConfig
    public var bayes: BayesConfig

    static var sections: [ConfigSectionSlot] {
        [
            ConfigSectionSlot(\.general),
            ConfigSectionSlot(\.limits),
            ConfigSectionSlot(\.policy),
            ConfigSectionSlot(\.filter),
            ConfigSectionSlot(\.virus),
            ConfigSectionSlot(\.rules),
            ConfigSectionSlot(\.bayes),
        ]
    }

    public init(
        general: GeneralConfig = GeneralConfig(),
        limits: LimitsConfig = LimitsConfig(),
        policy: PolicyConfig = PolicyConfig(),
        filter: FilterConfig = FilterConfig(),
        virus: VirusConfig = VirusConfig(),
        rules: RulesConfig = RulesConfig(),
        bayes: BayesConfig = BayesConfig()
    ) {
        self.general = general
        self.limits = limits
        self.policy = policy
        self.filter = filter
        self.virus = virus
        self.rules = rules
        self.bayes = bayes
    }

    /// The built-in defaults, used when there is no configuration file.
    public static var defaults: SwfilterConfig { SwfilterConfig() }

    public var messageLimits: MessageLimits { limits.messageLimits }

    /// The size above which the pipe filter passes a message on unscanned.
    public var filterMaxMessageBytes: Int { filter.maxMessageBytes ?? limits.maxMessageBytes }

    init(reading root: ConfigTableReader) {
        self.init()
        for section in Self.sections { section.read(&self, root) }
        Self.reportStrayEntries(in: root)
    }

    /// Top-level entries that are not sections: a misspelt section, or a key written above the
    /// first table header (which TOML puts at the top level, not in the section meant).
    private static func reportStrayEntries(in root: ConfigTableReader) {
        let names = sections.map(\.name)
        for key in root.unaskedKeys.sorted() {
            root.markKnown(key)
            let isTable = root.value(key)?.table != nil
            if isTable {
                var message = "unknown section [\(ConfigKeyPath.quotedIfNeeded(key))]"
                if let suggestion = KeySuggestion.closest(to: key, among: names) {
                    message += "; did you mean [\(suggestion)]?"
                } else {
                    message += "; sections are: \(names.map { "[\($0)]" }.joined(separator: ", "))"
                }
                root.report(key, message)
                continue
            }
            var message = "unknown key at the top level"
            let homes = sections.filter { $0.knownKeys().contains(key) }.map(\.name)
            if !homes.isEmpty {
                message += "; did you mean \(homes.map { "\($0).\(key)" }.joined(separator: " or "))? (keys above the first [section] header are top-level)"
            } else if let suggestion = KeySuggestion.closest(to: key, among: names) {
                message += "; did you mean the section [\(suggestion)]?"
            }
            root.report(key, message)
        }
    }

    /// The configuration as TOML with every key, for `config show`; it reads back to itself.
    public func renderTOML(source: String? = nil) -> String {
        var writer = ConfigTOMLWriter()
        writer.comment("swfilter effective configuration" + (source.map { " (from \($0))" } ?? ""))
        for section in Self.sections { section.write(self, &writer) }
        return writer.text
    }
}
