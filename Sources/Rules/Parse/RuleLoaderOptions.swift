/// What the loader pretends to be when rule files ask (`if version >= …`, `ifplugin …`,
/// `if can(…)`), and its limits.
public struct RuleLoaderOptions: Sendable {
    /// Plugins whose rules swfilter can use. `loadplugin` of another plugin is noted and ignored,
    /// so `ifplugin` blocks of that plugin are skipped.
    public var providedPlugins: Set<String>
    /// Plugins counted as loaded before the first file, like SpamAssassin's `*.pre` files do.
    /// Only those also in `providedPlugins` count.
    public var preloadedPlugins: Set<String>
    /// Fully qualified functions that `can(…)` and `has(…)` answer yes to
    /// (`Mail::SpamAssassin::Conf::feature_bug6558_free`). A plugin's functions also need the
    /// plugin loaded. `enable_compat NAME` adds `Mail::SpamAssassin::Conf::compat_NAME`.
    public var features: Set<String>
    /// The SpamAssassin version in its `x.yyyzzz` form, for `version` and `require_version`.
    public var version: String
    /// Perl's version as `$]` spells it, for `perl_version`.
    public var perlVersion: Double
    /// The value of `local_tests_only` in conditions (and the default for meta evaluation).
    public var localTestsOnly: Bool
    public var limits: RuleLoadLimits

    public init(providedPlugins: Set<String> = SpamAssassinCompatibility.providedPlugins,
                preloadedPlugins: Set<String>? = nil,
                features: Set<String> = SpamAssassinCompatibility.features,
                version: String = SpamAssassinCompatibility.version,
                perlVersion: Double = 5.036,
                localTestsOnly: Bool = false,
                limits: RuleLoadLimits = .init()) {
        self.providedPlugins = providedPlugins
        self.preloadedPlugins = preloadedPlugins ?? providedPlugins
        self.features = features
        self.version = version
        self.perlVersion = perlVersion
        self.localTestsOnly = localTestsOnly
        self.limits = limits
    }
}
