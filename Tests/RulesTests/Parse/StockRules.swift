import Foundation
@testable import Rules

/// SpamAssassin's own rule files (Debian package spamassassin); tests that need them are skipped
/// when the directory is absent.
enum StockRules {
    static let directory = "/usr/share/spamassassin"

    /// The stock rules compiled once for every suite that needs them: compiling them takes about
    /// 40 s of CPU in a debug build.
    static let compiled = CompiledRuleSet(RuleLoader().load(path: directory))

    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: directory + "/50_scores.cf")
    }
}
