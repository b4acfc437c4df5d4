/// `[policy]`: how a score becomes a verdict, as SpamAssassin's required_score and
/// rewrite_header do, with overrides per recipient domain.
public struct PolicyConfig: Sendable, Equatable, ConfigSection {
    static let name = "policy"

    /// A message scoring at or above this is spam.
    public var requiredScore: Double
    /// At or above this, spam is refused (by the doors that can refuse).
    public var rejectScore: RejectScore
    /// Put before the Subject of spam; `_SCORE_` becomes the score. Empty: no rewrite.
    public var subjectTag: String
    public var addHeaders: AddHeadersMode
    /// Reserved: wrapping spam as an attachment (SpamAssassin's report_safe) is not done yet.
    public var reportSafe: Bool
    /// By lower-case domain name without a final dot.
    public var domains: [String: DomainPolicy]

    /// SpamAssassin's default.
    public static let defaultRequiredScore = 5.0

    public init(
        requiredScore: Double = defaultRequiredScore,
        rejectScore: RejectScore = .never,
        subjectTag: String = "",
        addHeaders: AddHeadersMode = .all,
        reportSafe: Bool = false,
        domains: [String: DomainPolicy] = [:]
    ) {
        self.requiredScore = requiredScore
        self.rejectScore = rejectScore
        self.subjectTag = subjectTag
        self.addHeaders = addHeaders
        self.reportSafe = reportSafe
        self.domains = domains
    }

    /// All defaults.
    public init() {
        self.init(requiredScore: Self.defaultRequiredScore)
    }

    /// The thresholds for mail to `domain` (any case, final dot or not).
    public func effective(forDomain domain: String?) -> EffectivePolicy {
        let override = domain.flatMap { domains[DomainPolicy.normalize($0)] }
        return EffectivePolicy(
            requiredScore: override?.requiredScore ?? requiredScore,
            rejectScore: override?.rejectScore ?? rejectScore,
            subjectTag: override?.subjectTag ?? subjectTag
        )
    }

    init(reading table: ConfigTableReader) {
        self.init()
        let required = table.number("required_score")
        let reject = RejectScore.read("reject_score", from: table)
        if let required { requiredScore = required }
        if let reject { rejectScore = reject }
        if let subjectTag = Self.readSubjectTag(from: table) { self.subjectTag = subjectTag }
        if let addHeaders = table.choice("add_headers", as: AddHeadersMode.self) { self.addHeaders = addHeaders }
        if let reportSafe = table.bool("report_safe") { self.reportSafe = reportSafe }
        if Self.isUsable(required, "required_score", in: table), Self.isUsable(reject, "reject_score", in: table) {
            Self.checkOrder(required: requiredScore, reject: rejectScore, blame: required != nil ? "required_score" : "reject_score",
                            inherited: false, in: table)
        }
        if let domainsTable = table.table("domains") { readDomains(domainsTable) }
    }

    private mutating func readDomains(_ table: ConfigTableReader) {
        for (name, reader) in table.namedTables() {
            // Read even an entry that is then refused, so its keys are checked too.
            let policy = DomainPolicy(reading: reader)
            let domain = DomainPolicy.normalize(name)
            guard DomainPolicy.isValidDomain(domain) else {
                table.report(name, "\"\(name)\" is not a domain name (letters, digits, '-' and '_' between dots; IDNs in xn-- form)")
                continue
            }
            guard domains[domain] == nil else {
                table.report(name, "domain \(domain) is configured twice (domain names ignore case)")
                continue
            }
            domains[domain] = policy
            guard policy.requiredScore != nil || policy.rejectScore != nil,
                  Self.isUsable(policy.requiredScore, "required_score", in: reader),
                  Self.isUsable(policy.rejectScore, "reject_score", in: reader)
            else { continue }
            Self.checkOrder(
                required: policy.requiredScore ?? requiredScore, reject: policy.rejectScore ?? rejectScore,
                blame: policy.requiredScore != nil ? "required_score" : "reject_score",
                inherited: policy.requiredScore == nil || policy.rejectScore == nil, in: reader)
        }
    }

    /// False when the key is there but its value was refused (and already reported): comparing
    /// with the default in its place would only add a confusing second problem.
    private static func isUsable<Value>(_ value: Value?, _ key: String, in table: ConfigTableReader) -> Bool {
        value != nil || table.value(key) == nil
    }

    /// A required score above the reject score would refuse mail that is not even spam.
    private static func checkOrder(required: Double, reject: RejectScore, blame: String, inherited: Bool, in table: ConfigTableReader) {
        guard let rejectScore = reject.score, required > rejectScore else { return }
        let origin = inherited ? " (with [policy] for the setting not given here)" : ""
        table.report(blame, "required_score \(required) is above reject_score \(rejectScore)\(origin): mail that is not spam would be refused")
    }

    /// Any text, but on one line: the tag goes into the Subject header field.
    static func readSubjectTag(from table: ConfigTableReader) -> String? {
        guard let tag = table.string("subject_tag") else { return nil }
        guard !tag.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            table.report("subject_tag", "must not contain line breaks or other control characters")
            return nil
        }
        return tag
    }

    func write(to writer: inout ConfigTOMLWriter) {
        writer.set("required_score", .float(requiredScore))
        writer.set("reject_score", rejectScore.literal)
        writer.set("subject_tag", .string(subjectTag))
        writer.set("add_headers", .string(addHeaders.rawValue))
        writer.set("report_safe", .bool(reportSafe))
        for domain in domains.keys.sorted() {
            writer.table([Self.name, "domains", domain])
            domains[domain]?.write(to: &writer)
        }
    }
}
