/// The thresholds that apply to one recipient domain: `[policy]` with that domain's overrides.
public struct EffectivePolicy: Sendable, Equatable {
    public var requiredScore: Double
    public var rejectScore: RejectScore
    /// Empty: the subject is left alone.
    public var subjectTag: String

    public init(requiredScore: Double, rejectScore: RejectScore, subjectTag: String) {
        self.requiredScore = requiredScore
        self.rejectScore = rejectScore
        self.subjectTag = subjectTag
    }
}
