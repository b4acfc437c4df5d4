import ScanModel
/// The SpamAssassin-style header fields that report a verdict, as procmail recipes and mail
/// clients expect them: X-Spam-Flag, X-Spam-Score, X-Spam-Level, X-Spam-Status,
/// X-Spam-Checker-Version.
public enum SpamHeaders {
    /// Every name swfilter writes; fields of these names already in a message are replaced.
    public static let names = ["X-Spam-Checker-Version", "X-Spam-Flag", "X-Spam-Score", "X-Spam-Level", "X-Spam-Status"]

    /// The fields, in order. A value may contain "\n" where it is folded (the writer turns
    /// that into the message's own line ending followed by a tab).
    public static func fields(for result: ScanResult, version: String, hostname: String?) -> [(name: String, value: String)] {
        let verdict = result.verdict
        let report = result.report
        var checker = "swfilter \(version)"
        if let hostname, !hostname.isEmpty { checker += " on \(hostname)" }
        let level = String(repeating: "*", count: max(0, min(50, Int(verdict.score))))
        return [
            ("X-Spam-Checker-Version", checker),
            ("X-Spam-Flag", verdict.isSpam ? "YES" : "NO"),
            ("X-Spam-Score", Policy.format(verdict.score)),
            ("X-Spam-Level", level),
            ("X-Spam-Status", status(verdict: verdict, hits: report.hits.map(\.name).sorted(), version: version, trace: report.traceID)),
        ]
    }

    /// `Yes, score=7.2 required=5.0 tests=A,B,C version=…`, folded so no line runs past 78
    /// columns, as SpamAssassin folds it.
    static func status(verdict: Verdict, hits: [String], version: String, trace: TraceID) -> String {
        var words = [
            "\(verdict.isSpam ? "Yes" : "No"),", "score=\(Policy.format(verdict.score))",
            "required=\(Policy.format(verdict.requiredScore))",
        ]
        words.append("tests=" + (hits.isEmpty ? "none" : hits.joined(separator: ",")))
        words.append("version=\(version)")
        words.append("trace=\(trace)")
        return fold(words, firstLineUsed: "X-Spam-Status: ".count)
    }

    /// Joins words with spaces, breaking lines (marked "\n") before 78 columns. A test list
    /// longer than a line is broken after its commas.
    static func fold(_ words: [String], firstLineUsed: Int) -> String {
        var result = "", column = firstLineUsed
        for word in words {
            var pieces = [word]
            if word.count > 70 { pieces = splitAfterCommas(word) }
            for (index, piece) in pieces.enumerated() {
                let separator = index == 0 && !result.isEmpty ? " " : ""
                if column + separator.count + piece.count > 78, !result.isEmpty {
                    result += "\n"
                    column = 8
                } else {
                    result += separator
                    column += separator.count
                }
                result += piece
                column += piece.count
            }
        }
        return result
    }

    private static func splitAfterCommas(_ word: String) -> [String] {
        var pieces: [String] = [], current = ""
        for character in word {
            current.append(character)
            if character == "," {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }
}
