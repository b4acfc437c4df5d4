import Foundation

/// Loads SpamAssassin rule files into a `RuleSet`. A directory contributes its `*.cf` files in
/// byte order of their names (`updates_spamassassin_org.cf` first), as SpamAssassin reads them;
/// `include` paths are relative to the including file. Files read once are not read again, an
/// include loop is reported, and every size is limited. Loading never fails: what cannot be
/// read is reported in `RuleSet.problems`.
public struct RuleLoader: Sendable {
    public var options: RuleLoaderOptions

    public init(options: RuleLoaderOptions = .init()) {
        self.options = options
    }

    /// Loads files and directories, in the order given.
    public func load(paths: [String]) -> RuleSet {
        let session = RuleLoadSession(limits: options.limits)
        var builder = RuleSetBuilder(options: options)
        for path in paths {
            session.loadPath(path, from: nil, into: &builder)
        }
        return builder.finish()
    }

    public func load(path: String) -> RuleSet { load(paths: [path]) }

    /// Loads rules given as text, as if read from `fileName`.
    public func load(text: String, fileName: String = "(text)") -> RuleSet {
        load(bytes: Array(text.utf8), fileName: fileName)
    }

    /// Loads rules given as the bytes of a file, as if read from `fileName`.
    public func load(bytes: [UInt8], fileName: String = "(text)") -> RuleSet {
        let session = RuleLoadSession(limits: options.limits)
        var builder = RuleSetBuilder(options: options)
        session.parse(bytes, path: fileName, into: &builder)
        return builder.finish()
    }
}
