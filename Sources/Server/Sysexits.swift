/// Exit statuses from sysexits.h, which MDAs such as procmail and Postfix's pipe(8) read.
public enum Sysexits: Int32, Sendable {
    case ok = 0
    /// Not an error: `--exit-code` reports spam this way, as `spamassassin -e` does.
    case spamFound = 1
    case usage = 64
    case dataError = 65
    case noInput = 66
    case unavailable = 69
    case software = 70
    case ioError = 74
    case tempFail = 75
    case noPermission = 77
    case config = 78
}
