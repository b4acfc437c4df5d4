/// The header fields that report a virus scan, as clamav-milter and amavisd-new write them:
/// `X-Virus-Scanned: ClamAV 1.4.6 via swfilter 0.1.0 on mx1` and
/// `X-Virus-Status: Clean` or `X-Virus-Status: Infected (Eicar-Test-Signature)`.
public enum VirusHeaders {
    /// Every name swfilter writes; fields of these names already in a message are replaced,
    /// so a sender cannot forge a clean status.
    public static let names = ["X-Virus-Scanned", "X-Virus-Status"]

    /// The fields, or none when no virus scanner looked at the message.
    public static func fields(for report: ScanReport, version: String, hostname: String?) -> [(name: String, value: String)] {
        guard let scanner = report.virusScanner else { return [] }
        var scanned = "\(scanner) via swfilter \(version)"
        if let hostname, !hostname.isEmpty { scanned += " on \(hostname)" }
        return [("X-Virus-Scanned", scanned), ("X-Virus-Status", status(report))]
    }

    static func status(_ report: ScanReport) -> String {
        if !report.viruses.isEmpty {
            var names: [String] = []
            for finding in report.viruses where !names.contains(finding.name) { names.append(finding.name) }
            return "Infected (\(names.joined(separator: ", ")))"
        }
        if report.failures.contains(where: { $0.analyzer == VirusFinding.analyzerName }) { return "Not scanned (scan failed)" }
        return "Clean"
    }
}
