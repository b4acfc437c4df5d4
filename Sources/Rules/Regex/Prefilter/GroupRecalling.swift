/// A pattern reader whose groups a `PatternGroupMemo` remembers: it reads a group it met before
/// (same text, same `groupContext`) by taking the memo's value instead.
protocol GroupRecalling {
    var pattern: [UInt8] { get }
    /// The reading position; a group is read with it just after the group's `(`.
    var index: Int { get set }
    associatedtype GroupContext: Hashable & Sendable
    associatedtype GroupValue: Sendable
    /// The deepest group nesting the reader accepts.
    static var maxDepth: Int { get }
    var memo: PatternGroupMemo<GroupContext, GroupValue>? { get }
    /// Everything a group's reading depends on besides its text.
    var groupContext: GroupContext { get }
    /// The current group nesting, and the deepest reached so far.
    var depth: Int { get }
    var deepest: Int { get set }
    /// What the reader records on the side while reading, as bits that only ever get set.
    var sideRecords: UInt32 { get set }
    /// Reads a group, after its `(`; nil for syntax that matches nothing of its own.
    mutating func parseGroup() throws(UnsupportedPattern) -> GroupValue?
}

extension GroupRecalling {
    /// `parseGroup()`, or what the memo holds for the same group read from the same state.
    mutating func parseGroupOrRecall() throws(UnsupportedPattern) -> GroupValue? {
        guard let memo else { return try parseGroup() }
        let start = index - 1
        let context = groupContext
        if let known = memo.entry(in: pattern, at: start, context: context), depth + known.height <= Self.maxDepth {
            index = start + known.text.count
            sideRecords |= known.effects
            deepest = max(deepest, depth + known.height)
            return known.value
        }
        let (outerRecords, outerDeepest) = (sideRecords, deepest)
        (sideRecords, deepest) = (0, depth)
        let value = try parseGroup()
        let (added, height) = (sideRecords, deepest - depth)
        (sideRecords, deepest) = (outerRecords | added, max(outerDeepest, deepest))
        // A group without a value (inline flags) changes the reader's state: never remembered.
        if let value { memo.remember(value, of: pattern, range: start..<index, context: context, height: height, effects: added) }
        return value
    }
}
