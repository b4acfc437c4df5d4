/// `[policy.domains."example.com"]`: what one recipient domain sets differently; nil inherits
/// from `[policy]`.
public struct DomainPolicy: Sendable, Equatable {
    public var requiredScore: Double?
    public var rejectScore: RejectScore?
    public var subjectTag: String?

    public init(requiredScore: Double? = nil, rejectScore: RejectScore? = nil, subjectTag: String? = nil) {
        self.requiredScore = requiredScore
        self.rejectScore = rejectScore
        self.subjectTag = subjectTag
    }

    init(reading table: ConfigTableReader) {
        self.init()
        requiredScore = table.number("required_score")
        rejectScore = RejectScore.read("reject_score", from: table)
        subjectTag = PolicyConfig.readSubjectTag(from: table)
    }

    func write(to writer: inout ConfigTOMLWriter) {
        if let requiredScore {
            writer.set("required_score", .float(requiredScore))
        } else {
            writer.unset("required_score", "[policy] required_score applies")
        }
        if let rejectScore {
            writer.set("reject_score", rejectScore.literal)
        } else {
            writer.unset("reject_score", "[policy] reject_score applies")
        }
        if let subjectTag {
            writer.set("subject_tag", .string(subjectTag))
        } else {
            writer.unset("subject_tag", "[policy] subject_tag applies")
        }
    }

    /// Lower case without a final dot, so lookups match however a recipient spells it.
    static func normalize(_ domain: String) -> String {
        var name = domain.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        return name
    }

    /// ASCII labels of letters, digits, '-' and '_' (IDNs in their xn-- form).
    static func isValidDomain(_ name: String) -> Bool {
        let labels = name.split(separator: ".", omittingEmptySubsequences: false)
        return !name.isEmpty && labels.allSatisfy { label in
            !label.isEmpty && label.utf8.allSatisfy(ConfigKeyPath.isBareKeyByte)
        }
    }
}
