import ScanModel
import MailMessage

/// Scans a message for viruses: every decoded leaf part (and every file uuencoded in a text
/// part), as swfilter's MIME decoder extracted it, then the raw message as a whole so that
/// ClamAV's own parsers run too. Each virus is reported with the part it was in; limits and
/// failures are handled as `VirusScanPolicy` says.
///
/// With an in-process engine (`ExtractingVirusScanner`) the raw message is scanned first; when
/// that scan is clean, the parts libclamav's parser extracted byte for byte (and so scanned
/// whole) are not scanned again. A part equal to an earlier part takes its result.
///
/// Tests it adds: VIRUS_FOUND (a virus), VIRUS_SCAN_LIMIT (a part not fully scanned),
/// VIRUS_SCAN_FAILED (a failure let through by a fail-open policy). Scores are 0: viruses are
/// the policy's virus action, not spam points.
public struct VirusAnalyzer: MessageAnalyzer {
    public let name = VirusFinding.analyzerName
    public let scanner: any VirusScanner
    public let policy: VirusScanPolicy
    public var failureMode: AnalyzerFailure.Mode { policy.scanError }

    /// The limit reported when swfilter's own decoder left content out (decoded-size, part or
    /// depth limit) and the whole message is not scanned either.
    public static let decodedSizeLimitName = "Swfilter.Limits.Exceeded.DecodedSize"

    /// Defects after which some content was not decoded into the leaves.
    static let incompleteDecoding: Set<DefectKind> = [.decodedBytesExceeded, .partCountExceeded, .mimeDepthExceeded]

    public init(scanner: any VirusScanner, policy: VirusScanPolicy = VirusScanPolicy()) {
        self.scanner = scanner
        self.policy = policy
    }

    public func analyze(_ message: MailMessage, envelope: Envelope, report: inout ScanReport) throws {
        report.virusScanner = scanner.scannerName
        var findings = VirusScanFindings()
        let parts = PartScanList(message: message)
        let whole = VirusScanTarget(part: "", filename: nil, contentType: nil)
        let partsComplete = !message.defects.contains { Self.incompleteDecoding.contains($0.kind) }
        if policy.scanWholeMessage, let extracting = scanner as? any ExtractingVirusScanner {
            // The whole message first, so that the parts libclamav's mail parser extracted byte
            // for byte, and scanned clean there, are not scanned a second time. Anything but a
            // clean answer scans every part, so that a virus is reported with its part.
            let distinct = parts.distinct
            let outcome = message.raw.withUnsafeBytes { raw in
                extracting.scan(raw, filename: nil, candidates: distinct.map { parts.items[$0].bytes })
            }
            var covered = [Bool](repeating: false, count: parts.items.count)
            if outcome.result == .clean {
                for (candidate, item) in distinct.enumerated() where outcome.extracted[candidate] { covered[item] = true }
            }
            scan(parts, skipping: covered, into: &findings)
            if !findings.stopped { findings.record(outcome.result, at: whole, enforceLimits: !partsComplete) }
        } else {
            scan(parts, skipping: nil, into: &findings)
            if policy.scanWholeMessage, !findings.stopped {
                // A limit ClamAV reaches on the whole message matters only when swfilter's decoder
                // left something out; otherwise every part has been scanned whole already.
                findings.record(scanner.scan(message.raw, filename: nil), at: whole, enforceLimits: !partsComplete)
            } else if !policy.scanWholeMessage, !partsComplete {
                findings.record(.limitExceeded(name: Self.decodedSizeLimitName), at: whole)
            }
        }
        apply(findings, to: &report)
    }

    /// Scans each part not `skipping` (already scanned whole and clean); a copy of an earlier
    /// part takes that part's result.
    private func scan(_ parts: PartScanList, skipping covered: [Bool]?, into findings: inout VirusScanFindings) {
        var results = [VirusScanResult?](repeating: nil, count: parts.items.count)
        for (index, item) in parts.items.enumerated() {
            if findings.stopped { return }
            let result: VirusScanResult
            if let original = item.sameAs {
                guard let earlier = results[original] else { continue }
                result = earlier
            } else if covered?[index] == true {
                result = .clean
            } else {
                result = scanner.scan(item.bytes, filename: item.filename)
            }
            results[index] = result
            findings.record(result, at: item.target)
        }
    }

    private func apply(_ findings: VirusScanFindings, to report: inout ScanReport) {
        // One test per kind, however many parts: X-Spam-Status lists each test once.
        var found: [String] = [], limited: [String] = [], failedOpen: [String] = []
        for virus in findings.viruses {
            report.viruses.append(VirusFinding(name: virus.name, part: virus.target.part, filename: virus.target.filename, contentType: virus.target.contentType))
            found.append("\(virus.name) in \(virus.target)")
        }
        for limit in findings.limits {
            limited.append("\(limit.name) in \(limit.target)")
            guard limit.enforced else { continue }
            switch policy.limitExceeded {
            case .virus:
                report.viruses.append(VirusFinding(name: limit.name, part: limit.target.part, filename: limit.target.filename, contentType: limit.target.contentType))
            case .failure:
                report.failures.append(AnalyzerFailure(analyzer: name, reason: "not fully scanned: \(limit.name) in \(limit.target)", mode: policy.scanError))
            case .accept:
                break
            }
        }
        for failure in findings.errors {
            let mode = policy.mode(for: failure.error.kind)
            report.failures.append(AnalyzerFailure(analyzer: name, reason: "\(failure.error.message) (\(failure.target))", mode: mode))
            if mode == .failOpen { failedOpen.append(failure.error.message) }
        }
        if !found.isEmpty { report.add(RuleHit(name: "VIRUS_FOUND", score: 0, description: found.joined(separator: "; "), source: "virus")) }
        if !limited.isEmpty { report.add(RuleHit(name: "VIRUS_SCAN_LIMIT", score: 0, description: "not fully scanned: " + limited.joined(separator: "; "), source: "virus")) }
        if !failedOpen.isEmpty { report.add(RuleHit(name: "VIRUS_SCAN_FAILED", score: 0, description: failedOpen.joined(separator: "; "), source: "virus")) }
    }
}
