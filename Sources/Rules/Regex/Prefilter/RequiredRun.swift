/// A stretch of at least `length` consecutive bytes, all in `bytes`, that every match holds:
/// `[a-z]{8,}` needs eight lower case letters in a row.
public struct RequiredRun: Sendable, Hashable {
    public let bytes: ByteSet
    public let length: Int

    public init(bytes: ByteSet, length: Int) {
        self.bytes = bytes
        self.length = length
    }

    /// Whether every text holding a run of `self` holds one of `other`.
    func implies(_ other: RequiredRun) -> Bool {
        length >= other.length && bytes.isSubset(of: other.bytes)
    }
}
