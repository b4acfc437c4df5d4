/// One string of a `LiteralSet`: at most `capacity` bytes, stored inline, so the literal
/// analysis joins and compares strings without allocating or hashing them byte by byte.
struct Literal {
    /// As long as a literal may grow (`LiteralInfo.maxLiteralLength`).
    static let capacity = 48
    /// The bytes, then zeros: two literals are equal when their words and counts are.
    private var words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
    private(set) var count = 0

    /// The empty string.
    init() {}

    init(byte: UInt8) {
        words.0 = UInt64(byte)
        count = 1
    }

    /// `bytes` as a literal, nil when longer than `capacity`.
    init?(_ bytes: [UInt8]) {
        guard bytes.count <= Literal.capacity else { return nil }
        withUnsafeMutableBytes(of: &words) { target in
            bytes.withUnsafeBytes { source in
                if let base = source.baseAddress { target.baseAddress!.copyMemory(from: base, byteCount: source.count) }
            }
        }
        count = bytes.count
    }

    var bytes: [UInt8] {
        withUnsafeBytes(of: words) { Array($0.prefix(count)) }
    }

    /// `self` followed by `next`, nil when that is longer than `limit`.
    func followed(by next: Literal, limit: Int) -> Literal? {
        let total = count + next.count
        guard total <= limit, total <= Literal.capacity else { return nil }
        var result = self
        let offset = count
        withUnsafeMutableBytes(of: &result.words) { target in
            withUnsafeBytes(of: next.words) { source in
                target.baseAddress!.advanced(by: offset).copyMemory(from: source.baseAddress!, byteCount: next.count)
            }
        }
        result.count = total
        return result
    }
}

extension Literal: Comparable {
    static func == (left: Literal, right: Literal) -> Bool {
        left.count == right.count && left.words.0 == right.words.0 && left.words.1 == right.words.1
            && left.words.2 == right.words.2 && left.words.3 == right.words.3 && left.words.4 == right.words.4
            && left.words.5 == right.words.5
    }

    /// An order that keeps `LiteralSet` canonical (by length, then by the words as numbers); not
    /// the bytes' lexicographic order.
    static func < (left: Literal, right: Literal) -> Bool {
        if left.count != right.count { return left.count < right.count }
        if left.words.0 != right.words.0 { return left.words.0 < right.words.0 }
        if left.words.1 != right.words.1 { return left.words.1 < right.words.1 }
        if left.words.2 != right.words.2 { return left.words.2 < right.words.2 }
        if left.words.3 != right.words.3 { return left.words.3 < right.words.3 }
        if left.words.4 != right.words.4 { return left.words.4 < right.words.4 }
        return left.words.5 < right.words.5
    }
}
