import Bayes
import Foundation

/// The text of `swfilter learn --stats`.
enum LearnStatsFormatter {
    static func text(_ statistics: BayesStatistics, classifier: ClassifierParameters, maxTokens: Int) -> String {
        let totals = statistics.totals
        var size = ""
        if let bytes = statistics.bytes { size = " (\(megabytes(bytes)))" }
        let votes = totals.spam >= classifier.minSpam && totals.ham >= classifier.minHam
        var lines = [
            "database      \(statistics.location)\(size)",
            "spam learned  \(totals.spam)",
            "ham learned   \(totals.ham)",
            "tokens        \(totals.tokens)" + (maxTokens > 0 ? " (expiry keeps at most \(maxTokens))" : ""),
            "journal       \(statistics.journalEntries) messages",
        ]
        if statistics.oldestToken > 0 {
            lines.append("oldest token  \(date(statistics.oldestToken)) (last seen)")
            lines.append("newest token  \(date(statistics.newestToken))")
        }
        lines.append("classifier    " + (votes ? "votes" : "does not vote yet: needs \(classifier.minSpam) spam and \(classifier.minHam) ham"))
        return lines.joined(separator: "\n")
    }

    private static func megabytes(_ bytes: Int) -> String {
        let tenths = (Double(bytes) / 104_857.6).rounded()
        return "\(Int(tenths) / 10).\(Int(tenths) % 10) MiB"
    }

    private static func date(_ seconds: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
