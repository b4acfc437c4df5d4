/// One thing wrong with a configuration file, located as precisely as the file allows.
public struct ConfigProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file as it was named (on the command line or by default).
    public var file: String
    /// 1-based line, nil when the problem concerns the whole file (unreadable, missing).
    public var line: Int?
    /// Dotted key path such as `policy.domains."example.com".required_score`; empty for the file itself.
    public var key: String
    public var message: String

    public init(file: String, line: Int?, key: String, message: String) {
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    /// `file:line: key: message`, the way Postfix and compilers report, so editors can jump to it.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if !key.isEmpty { text += ": \(key)" }
        return text + ": " + message
    }
}
