import CPCRE2

/// Which bound stopped a match.
public enum RegexLimitKind: String, Sendable, Hashable {
    case matchLimit = "match limit"
    case depthLimit = "depth limit"
    case heapLimit = "heap limit"
    case jitStackLimit = "JIT stack limit"
    /// Any other PCRE2 run-time error (reported rather than trapped).
    case otherError = "match error"

    init(pcre2Code code: Int32) {
        switch code {
        case PCRE2_ERROR_MATCHLIMIT: self = .matchLimit
        case PCRE2_ERROR_DEPTHLIMIT: self = .depthLimit
        case PCRE2_ERROR_HEAPLIMIT, PCRE2_ERROR_NOMEMORY: self = .heapLimit
        case PCRE2_ERROR_JIT_STACKLIMIT: self = .jitStackLimit
        default: self = .otherError
        }
    }
}
