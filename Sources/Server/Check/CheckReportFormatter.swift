import Filter

/// The human-readable form of a check result, laid out like `spamassassin -t`'s report.
enum CheckReportFormatter {
    static func text(file: String, result: ScanResult) -> String {
        let report = result.report
        let verdict = result.verdict
        var lines = ["\(file): \(verdict.isSpam ? "spam" : "ham"), score=\(Policy.format(verdict.score)) required=\(Policy.format(verdict.requiredScore)) action=\(verdict.action.rawValue) trace=\(report.traceID)"]
        if !report.hits.isEmpty {
            lines.append("   pts rule name              description")
            lines.append("  ---- ---------------------- --------------------------------------------------")
            for hit in report.hits {
                let points = Policy.format(hit.score)
                let padded = String(repeating: " ", count: max(0, 5 - points.count)) + points
                let name = hit.name.count < 22 ? hit.name + String(repeating: " ", count: 22 - hit.name.count) : hit.name
                lines.append(" \(padded) \(name) \(hit.description)")
            }
        }
        if let bayes = report.bayesProbability { lines.append("  bayes: \(bayes)") }
        for virus in report.viruses { lines.append("  virus: \(virus.name) in \(virus.filename ?? (virus.part.isEmpty ? "message" : virus.part))") }
        for failure in report.failures { lines.append("  failed: \(failure.analyzer): \(failure.reason) (\(failure.mode.rawValue))") }
        if !report.defects.isEmpty { lines.append("  defects: " + report.defects.map(\.description).joined(separator: ", ")) }
        if let refusal = verdict.refusal { lines.append("  refusal: \(refusal)") }
        return lines.joined(separator: "\n")
    }
}
