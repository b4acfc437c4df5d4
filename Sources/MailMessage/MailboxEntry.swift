/// One message read from a mailbox path.
public struct MailboxEntry: Sendable, Hashable {
    /// Where the message came from: the file's path, or "path:N" (N from 1) for the messages of
    /// a file that holds more than one (an mbox).
    public let source: String
    /// The message bytes; for mbox, without the From_ line and with `>From ` quoting undone.
    public let bytes: [UInt8]
    /// The mbox From_ line (`From sender date`) without its line break, when the file had one.
    public let fromLine: String?

    public init(source: String, bytes: [UInt8], fromLine: String? = nil) {
        self.source = source
        self.bytes = bytes
        self.fromLine = fromLine
    }
}
