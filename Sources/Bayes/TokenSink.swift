/// Collects the tokens of one message as hashes (and, when explaining, as text), and turns
/// them into the set the classifier and the learner use.
struct TokenSink {
    private(set) var hashes: [UInt64] = []
    /// Hash to text, only when the texts are wanted (explanations, `BayesBench tokens`).
    private(set) var texts: [UInt64: String]?
    /// Stops a pathological message from making an unbounded token list.
    let limit: Int

    init(keepTexts: Bool, limit: Int) {
        texts = keepTexts ? [:] : nil
        self.limit = limit
        hashes.reserveCapacity(1024)
    }

    var isFull: Bool { hashes.count >= limit }

    /// A token whose value is ASCII-lower-cased while it is hashed.
    mutating func emit(_ prefix: TokenPrefix, lowering bytes: UnsafeBufferPointer<UInt8>) {
        guard !isFull else { return }
        var hasher = prefix.seed
        for byte in bytes { hasher.combine(byte &- 0x41 < 26 ? byte | 0x20 : byte) }
        record(hasher.finish(), prefix) {
            String(decoding: bytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
    }

    /// A token whose value is taken as it is.
    mutating func emit(_ prefix: TokenPrefix, exactly bytes: UnsafeBufferPointer<UInt8>) {
        guard !isFull else { return }
        var hasher = prefix.seed
        hasher.combine(bytes)
        record(hasher.finish(), prefix) { String(decoding: bytes, as: UTF8.self) }
    }

    mutating func emit(_ prefix: TokenPrefix, _ value: String) {
        guard !isFull else { return }
        var hasher = prefix.seed
        hasher.combine(value)
        record(hasher.finish(), prefix) { value }
    }

    mutating func emitLowercased(_ prefix: TokenPrefix, _ value: String) {
        var copy = value
        copy.withUTF8 { buffer in
            if buffer.allSatisfy({ $0 < 0x80 }) {
                emit(prefix, lowering: buffer)
            } else {
                emit(prefix, value.lowercased())
            }
        }
    }

    @inline(__always)
    private mutating func record(_ hash: UInt64, _ prefix: TokenPrefix, _ value: () -> String) {
        hashes.append(hash)
        if texts != nil, texts![hash] == nil { texts![hash] = prefix.text + value() }
    }

    /// The distinct hashes, sorted, and their texts when kept.
    func finish() -> TokenSet {
        var sorted = hashes
        sorted.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(sorted.count)
        for hash in sorted where unique.last != hash { unique.append(hash) }
        return TokenSet(hashes: unique, texts: texts ?? [:])
    }
}
