/// The `tflags` of a rule: a space-separated list of names, some with `=value`
/// (`multiple maxhits=5`, `range=1-3`), case-sensitive like SpamAssassin's. Unknown flags are
/// kept; the evaluator decides.
public struct RuleFlags: Sendable, Hashable, CustomStringConvertible {
    public struct Flag: Sendable, Hashable {
        public let name: String
        public let value: String?
    }

    public let flags: [Flag]

    public static let none = RuleFlags(flags: [])

    public init(flags: [Flag]) {
        self.flags = flags
    }

    /// Parses the text after the rule name of a `tflags` line.
    public init(parsing text: String) {
        flags = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { word in
            if let equals = word.firstIndex(of: "=") {
                return Flag(name: String(word[..<equals]), value: String(word[word.index(after: equals)...]))
            }
            return Flag(name: String(word), value: nil)
        }
    }

    public func contains(_ name: String) -> Bool { flags.contains { $0.name == name } }

    public func value(of name: String) -> String? { flags.last { $0.name == name }?.value }

    /// A network test: not run without network, default priority -100.
    public var isNet: Bool { contains("net") }
    /// Meant to have a negative score (the default score is negated).
    public var isNice: Bool { contains("nice") }
    /// Count every match, not only the first (header, body, rawbody, uri, full).
    public var isMultiple: Bool { contains("multiple") }
    /// With `multiple`: stop counting after this many matches.
    public var maxHits: Int? { value(of: "maxhits").flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } }
    /// Needs a trained learner (Bayes).
    public var isLearn: Bool { contains("learn") }
    /// Ignored when the learner decides whether to auto-learn.
    public var isNoAutoLearn: Bool { contains("noautolearn") }
    /// Needs user configuration before it means anything.
    public var isUserConf: Bool { contains("userconf") }
    /// Body rule that must not see the Subject line.
    public var isNoSubject: Bool { contains("nosubject") }

    /// `tflags` plus `net`, for a meta that inherits it from a dependency.
    func adding(_ name: String) -> RuleFlags {
        contains(name) ? self : RuleFlags(flags: flags + [Flag(name: name, value: nil)])
    }

    public var description: String {
        flags.map { flag in flag.value.map { "\(flag.name)=\($0)" } ?? flag.name }.joined(separator: " ")
    }
}
