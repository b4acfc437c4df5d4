/// What the store knows of one token: in how many learned spam and ham it occurred, and when it
/// was last learned or used to classify (seconds since 1970). Zero counts: never seen.
public struct TokenCounts: Sendable, Hashable {
    public var spam: Int
    public var ham: Int
    public var lastSeen: Int64

    public init(spam: Int = 0, ham: Int = 0, lastSeen: Int64 = 0) {
        self.spam = spam
        self.ham = ham
        self.lastSeen = lastSeen
    }

    public static let unseen = TokenCounts()

    public var isSeen: Bool { spam > 0 || ham > 0 }
}
