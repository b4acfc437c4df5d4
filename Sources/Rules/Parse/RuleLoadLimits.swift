/// Named limits of the rule loader. A file or line over a limit is reported and skipped.
public struct RuleLoadLimits: Sendable, Hashable {
    /// Largest rule file read.
    public var maxFileBytes: Int
    /// Most bytes read over all files of one load.
    public var maxTotalBytes: Int
    /// Longest line (SpamAssassin's replace_tag lines run to a few kB).
    public var maxLineBytes: Int
    /// Most files read in one load, includes counted.
    public var maxFiles: Int
    /// Deepest chain of `include`s.
    public var maxIncludeDepth: Int
    /// Deepest nesting of `if` / `ifplugin` blocks.
    public var maxConditionDepth: Int
    /// Most rules in one rule set.
    public var maxRules: Int
    /// Limits on each meta expression.
    public var metaExpression: MetaExpressionParser.Limits

    public init(maxFileBytes: Int = 32 << 20, maxTotalBytes: Int = 256 << 20, maxLineBytes: Int = 256 << 10,
                maxFiles: Int = 4096, maxIncludeDepth: Int = 16, maxConditionDepth: Int = 64, maxRules: Int = 500_000,
                metaExpression: MetaExpressionParser.Limits = .init()) {
        self.maxFileBytes = maxFileBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxLineBytes = maxLineBytes
        self.maxFiles = maxFiles
        self.maxIncludeDepth = maxIncludeDepth
        self.maxConditionDepth = maxConditionDepth
        self.maxRules = maxRules
        self.metaExpression = metaExpression
    }
}
