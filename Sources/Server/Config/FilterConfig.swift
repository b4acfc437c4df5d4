/// `[filter]`: the pipe filter (`swfilter filter`, run by procmail, maildrop or Postfix pipe).
public struct FilterConfig: Sendable, Equatable, ConfigSection {
    static let name = "filter"

    /// Exit 1 for spam and 0 for ham, as `spamassassin -e` does, instead of always 0.
    public var exitCodeOnSpam: Bool
    /// Overrides `limits.max_message_bytes` for the pipe filter; nil: the limit applies.
    public var maxMessageBytes: Int?
    /// `pass` by default: the filter sits in the delivery path, and a message that it failed
    /// to scan but delivered is a nuisance at worst, while one it failed to hand back is lost
    /// mail if the MDA does not handle EX_TEMPFAIL. Choose `tempfail` only when it does.
    public var onError: ScanFailureAction

    public init(exitCodeOnSpam: Bool = false, maxMessageBytes: Int? = nil, onError: ScanFailureAction = .pass) {
        self.exitCodeOnSpam = exitCodeOnSpam
        self.maxMessageBytes = maxMessageBytes
        self.onError = onError
    }

    /// All defaults.
    public init() {
        self.init(exitCodeOnSpam: false)
    }

    init(reading table: ConfigTableReader) {
        self.init()
        if let value = table.bool("exit_code_on_spam") { exitCodeOnSpam = value }
        if let value = table.size("max_message_bytes", minimum: 1) { maxMessageBytes = value }
        if let value = table.choice("on_error", as: ScanFailureAction.self) { onError = value }
    }

    func write(to writer: inout ConfigTOMLWriter) {
        writer.set("exit_code_on_spam", .bool(exitCodeOnSpam))
        if let maxMessageBytes {
            writer.set("max_message_bytes", ByteSize.literal(maxMessageBytes))
        } else {
            writer.unset("max_message_bytes", "limits.max_message_bytes applies")
        }
        writer.set("on_error", .string(onError.rawValue))
    }
}
