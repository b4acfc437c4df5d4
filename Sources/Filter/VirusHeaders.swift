import ScanModel
/// The header fields that report a virus scan, as clamav-milter writes them:
/// `X-Virus-Scanned: ClamAV 1.4.6 at mx1` and `X-Virus-Status: Clean`,
/// `Infected (Name, Name)` or `Not scanned`.
public enum VirusHeaders {
    /// Every name swfilter writes; fields of these names already in a message are replaced,
    /// so a sender cannot forge a clean status.
    public static let names = ["X-Virus-Scanned", "X-Virus-Status"]

    /// The fields for the scanner the report names, or none when no virus scanner looked at it.
    public static func fields(for report: ScanReport, hostname: String?) -> [(name: String, value: String)] {
        guard let scanner = report.virusScanner else { return [] }
        return fields(for: report, scanner: scanner, hostname: hostname)
    }

    /// The fields, in order. `scanner` names the engine ("ClamAV 1.4.6", "clamd");
    /// `analyzer` is the analyzer whose failures mean the message was not scanned.
    public static func fields(for report: ScanReport, scanner: String, hostname: String?,
                              analyzer: String = VirusFinding.analyzerName) -> [(name: String, value: String)] {
        var scanned = scanner
        if let hostname, !hostname.isEmpty { scanned += " at \(hostname)" }
        return [("X-Virus-Scanned", scanned), ("X-Virus-Status", status(of: report, analyzer: analyzer))]
    }

    static func status(of report: ScanReport, analyzer: String) -> String {
        if !report.viruses.isEmpty {
            var seen = Set<String>()
            let names = report.viruses.map(\.name).filter { seen.insert($0).inserted }
            return "Infected (\(names.joined(separator: ", ")))"
        }
        if report.failures.contains(where: { $0.analyzer == analyzer }) { return "Not scanned" }
        return "Clean"
    }
}
