/// A set of byte values, as a 256-bit vector: what one pattern atom can match, or which bytes a
/// line holds.
public struct ByteSet: Sendable, Hashable {
    public var w0: UInt64 = 0, w1: UInt64 = 0, w2: UInt64 = 0, w3: UInt64 = 0

    public init() {}

    public init<S: Sequence>(_ bytes: S) where S.Element == UInt8 {
        for byte in bytes { insert(byte) }
    }

    public init(range: ClosedRange<UInt8>) {
        let low = Int(range.lowerBound), high = Int(range.upperBound)
        /// The bits of word `index` (bytes `64 * index` to `64 * index + 63`) inside the range.
        func word(_ index: Int) -> UInt64 {
            let first = max(low, 64 * index), last = min(high, 64 * index + 63)
            guard first <= last else { return 0 }
            let width = last - first + 1
            return (width == 64 ? .max : (1 &<< UInt64(width)) &- 1) &<< UInt64(first - 64 * index)
        }
        (w0, w1, w2, w3) = (word(0), word(1), word(2), word(3))
    }

    public static let all: ByteSet = {
        var set = ByteSet()
        set.w0 = .max; set.w1 = .max; set.w2 = .max; set.w3 = .max
        return set
    }()

    public mutating func insert(_ byte: UInt8) {
        let bit: UInt64 = 1 &<< UInt64(byte & 63)
        switch byte >> 6 {
        case 0: w0 |= bit
        case 1: w1 |= bit
        case 2: w2 |= bit
        default: w3 |= bit
        }
    }

    public func contains(_ byte: UInt8) -> Bool {
        let word: UInt64
        switch byte >> 6 {
        case 0: word = w0
        case 1: word = w1
        case 2: word = w2
        default: word = w3
        }
        return word &>> UInt64(byte & 63) & 1 != 0
    }

    public var isEmpty: Bool { w0 | w1 | w2 | w3 == 0 }
    public var isAll: Bool { w0 & w1 & w2 & w3 == .max }
    public var count: Int { w0.nonzeroBitCount + w1.nonzeroBitCount + w2.nonzeroBitCount + w3.nonzeroBitCount }

    public func union(_ other: ByteSet) -> ByteSet {
        var result = self
        result.w0 |= other.w0; result.w1 |= other.w1; result.w2 |= other.w2; result.w3 |= other.w3
        return result
    }

    public func intersection(_ other: ByteSet) -> ByteSet {
        var result = self
        result.w0 &= other.w0; result.w1 &= other.w1; result.w2 &= other.w2; result.w3 &= other.w3
        return result
    }

    public func subtracting(_ other: ByteSet) -> ByteSet {
        var result = self
        result.w0 &= ~other.w0; result.w1 &= ~other.w1; result.w2 &= ~other.w2; result.w3 &= ~other.w3
        return result
    }

    public func intersects(_ other: ByteSet) -> Bool {
        (w0 & other.w0) | (w1 & other.w1) | (w2 & other.w2) | (w3 & other.w3) != 0
    }

    public func isSubset(of other: ByteSet) -> Bool {
        w0 & ~other.w0 == 0 && w1 & ~other.w1 == 0 && w2 & ~other.w2 == 0 && w3 & ~other.w3 == 0
    }

    public var complement: ByteSet {
        var result = ByteSet()
        result.w0 = ~w0; result.w1 = ~w1; result.w2 = ~w2; result.w3 = ~w3
        return result
    }

    /// With both ASCII cases of every letter it holds (PCRE2's caseless matching of bytes: its
    /// default tables fold ASCII letters only).
    public var caseClosed: ByteSet {
        // Upper case letters are bits 1…26 of w1 (0x41…0x5A), lower case bits 33…58.
        let letters: UInt64 = 0x07FF_FFFE
        var result = self
        result.w1 |= (w1 & letters) << 32 | (w1 >> 32) & letters
        return result
    }

    /// Word `index` (0…3): the bits of bytes `64 * index` to `64 * index + 63`.
    subscript(word index: Int) -> UInt64 {
        switch index {
        case 0: w0
        case 1: w1
        case 2: w2
        default: w3
        }
    }

    /// The members in increasing order.
    public var members: [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        forEachMember { result.append($0) }
        return result
    }

    /// Calls `body` with each member in increasing order, without building `members`.
    @inline(__always)
    func forEachMember(_ body: (UInt8) -> Void) {
        for index in 0..<4 { SetBits.forEach(in: self[word: index], from: 64 * index) { body(UInt8($0)) } }
    }
}
