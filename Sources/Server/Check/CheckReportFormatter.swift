import Filter
import ScanModel

/// The human-readable form of a check result: one summary line, then the "Content analysis
/// details" table that `spamassassin -t` prints (points, rule name, description).
enum CheckReportFormatter {
    /// Where the description column starts, and the width descriptions wrap at, as in SpamAssassin's report.
    static let descriptionColumn = 28
    static let lineWidth = 78

    static func text(file: String, result: ScanResult) -> String {
        let report = result.report
        let verdict = result.verdict
        var lines = ["\(file): \(verdict.isSpam ? "spam" : "ham"), score=\(Policy.format(verdict.score)) required=\(Policy.format(verdict.requiredScore)) action=\(verdict.action.rawValue) trace=\(report.traceID)"]
        lines.append("Content analysis details:   (\(Policy.format(verdict.score)) points, \(Policy.format(verdict.requiredScore)) required)")
        lines.append("")
        lines.append(" pts rule name              description")
        lines.append("---- ---------------------- --------------------------------------------------")
        for hit in report.hits {
            lines += tableRows(points: hit.score, name: hit.name, description: hit.description)
        }
        if let bayes = report.bayesProbability { lines.append("  bayes: \(bayes)") }
        for virus in report.viruses { lines.append("  virus: \(virus.name) in \(virus.filename ?? (virus.part.isEmpty ? "message" : virus.part))") }
        for failure in report.failures { lines.append("  failed: \(failure.analyzer): \(failure.reason) (\(failure.mode.rawValue))") }
        for note in report.notes { lines.append("  note: \(note.analyzer): \(note.text)") }
        if !report.defects.isEmpty { lines.append("  defects: " + report.defects.map(\.description).joined(separator: ", ")) }
        if let refusal = verdict.refusal { lines.append("  refusal: \(refusal)") }
        return lines.joined(separator: "\n")
    }

    /// One hit: points right-aligned in four columns (whole points when one decimal does not
    /// fit), the name padded to 22, the description wrapped under its own column.
    static func tableRows(points: Double, name: String, description: String) -> [String] {
        var score = Policy.format(points)
        // -0.001 (an informational rule) shows as -0.0, as SpamAssassin prints it.
        if points < 0, !score.hasPrefix("-") { score = "-" + score }
        if score.count > 4 { score = String(Int(points.rounded())) }
        let paddedScore = String(repeating: " ", count: max(0, 4 - score.count)) + score
        let paddedName = name.count < 22 ? name + String(repeating: " ", count: 22 - name.count) : name
        let prefix = "\(paddedScore) \(paddedName) "
        let indent = String(repeating: " ", count: descriptionColumn)
        var rows: [String] = []
        var current = prefix
        var currentHasWord = false
        for word in description.split(separator: " ", omittingEmptySubsequences: true) {
            if currentHasWord, current.count + 1 + word.count > lineWidth {
                rows.append(current)
                current = indent
                currentHasWord = false
            }
            current += (currentHasWord ? " " : "") + word
            currentHasWord = true
        }
        rows.append(current.hasSuffix(" ") ? String(current.dropLast()) : current)
        return rows
    }
}
