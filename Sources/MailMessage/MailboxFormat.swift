/// What kind of path a `MailboxReader` reads.
public enum MailboxFormat: Sendable, Hashable {
    /// A file: one message, or an mbox when its first line starts with "From ".
    case file
    /// A directory with `cur/` and `new/` (`tmp/` is not read).
    case maildir
    /// A directory of message files, read recursively in name order, hidden entries skipped.
    case directory
}
