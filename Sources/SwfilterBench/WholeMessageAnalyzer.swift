import Filter
import ScanModel
import MailMessage
import VirusScan

/// The classic milter way: the raw message to the scanner, nothing decoded by swfilter.
struct WholeMessageAnalyzer: MessageAnalyzer {
    let scanner: any VirusScanner
    let name = "clamav-whole"
    var failureMode: AnalyzerFailure.Mode { .failClosed }

    func analyze(_ message: MailMessage, envelope: Envelope, report: inout ScanReport) throws {
        switch scanner.scan(message.raw) {
        case .infected(let name), .limitExceeded(let name): report.viruses.append(VirusFinding(name: name, part: "", filename: nil))
        case .error(let error): throw error
        case .clean: break
        }
    }
}
