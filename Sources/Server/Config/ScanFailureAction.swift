/// `filter.on_error`: what the pipe filter does with a message it failed to scan.
public enum ScanFailureAction: String, Sendable, CaseIterable, ConfigChoice {
    /// Write the message out unchanged and exit 0: the mail is delivered unscanned.
    case pass
    /// Write nothing and exit EX_TEMPFAIL (75): the MDA keeps the message and retries later.
    case tempfail
}
