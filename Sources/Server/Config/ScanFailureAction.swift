/// What happens to a message that could not be scanned (`filter.on_error`, `virus.on_failure`):
/// fail open (`pass`) or fail closed (`tempfail`).
public enum ScanFailureAction: String, Sendable, CaseIterable, ConfigChoice {
    /// Write the message out unchanged and exit 0: the mail is delivered unscanned.
    case pass
    /// Write nothing and exit EX_TEMPFAIL (75): the MDA keeps the message and retries later.
    case tempfail
}
