import Foundation

/// SpamAssassin's own rule files (Debian package spamassassin); tests that need them are skipped
/// when the directory is absent.
enum StockRules {
    static let directory = "/usr/share/spamassassin"

    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: directory + "/50_scores.cf")
    }
}
