import MailMessage

/// One kind of check the engine runs over a parsed message: viruses, rules, Bayes, reputation.
/// Analyzers are shared by every scanning thread, so they hold only immutable (or internally
/// synchronised) state. They run in the order given; later ones see what earlier ones reported
/// (rules read the Bayes probability).
public protocol MessageAnalyzer: Sendable {
    /// A short name for logs and failure reports ("clamav", "rules", "bayes").
    var name: String { get }
    /// What the policy does with the message when `analyze` throws.
    var failureMode: AnalyzerFailure.Mode { get }

    func analyze(_ message: MailMessage, envelope: Envelope, report: inout ScanReport) throws
}
