/// Collects the tokens of one message as hashes (and, when explaining, as text), and turns
/// them into the set the classifier and the learner use.
struct TokenSink {
    private(set) var hashes: [UInt64] = []
    /// Hash to text, only when the texts are wanted (explanations, `BayesBench tokens`).
    private(set) var texts: [UInt64: String]?
    /// Stops a pathological message from making an unbounded token list.
    let limit: Int
    /// While set, the tokens emitted are also recorded as secondary (see `TokenSet.secondary`).
    var emittingSecondary = false
    private var secondary: [UInt64] = []

    /// Whether secondary tokens are recorded as such: only the classifier tells them apart.
    /// The header tokens are marked only then too.
    let marksSecondary: Bool
    /// The first `headerEnd` hashes are the header's (see `endHeader`).
    private var headerEnd = 0
    /// While not 0, the tokens emitted are recorded as words of the header field with this
    /// group (see `TokenSet.headerFields`); only when `marksSecondary`.
    var fieldGroup: UInt64 = 0
    private var fieldTokens: [(hash: UInt64, group: UInt64)] = []
    /// While set, the tokens emitted are also recorded as relay tokens (see `TokenSet.relays`);
    /// only when `marksSecondary`.
    var emittingRelay = false
    private var relay: [UInt64] = []
    /// Where the structure breaks the run of tokens (see `TokenSet.breaks`); only with texts.
    private var breaks: [TokenBreak] = []

    init(keepTexts: Bool, limit: Int, marksSecondary: Bool = true) {
        texts = keepTexts ? [:] : nil
        self.limit = limit
        self.marksSecondary = marksSecondary
        hashes.reserveCapacity(1024)
    }

    var isFull: Bool { hashes.count >= limit }

    /// Marks every token emitted so far as a header token (see `TokenSet.header`); the header
    /// is tokenized first.
    mutating func endHeader() {
        if marksSecondary { headerEnd = hashes.count }
    }
    /// Whether token texts are kept (prefix texts are needed only then).
    var keepsTexts: Bool { texts != nil }

    /// Records that the structure breaks the run of tokens here (see `TokenSet.breaks`), when
    /// texts are kept.
    mutating func mark(_ kind: TokenBreak.Kind) {
        if texts != nil { breaks.append(TokenBreak(position: hashes.count, kind: kind)) }
    }

    /// A token whose value is ASCII-lower-cased while it is hashed.
    mutating func emit(_ prefix: TokenPrefix, lowering bytes: UnsafeBufferPointer<UInt8>) {
        guard !isFull else { return }
        var hasher = prefix.seed
        for byte in bytes { hasher.combine(byte &- 0x41 < 26 ? byte | 0x20 : byte) }
        record(hasher.finish(), prefix) {
            String(decoding: bytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
    }

    /// Two ASCII-lower-cased words joined by a space ("free money"), without copying them.
    mutating func emit(_ prefix: TokenPrefix, lowering first: UnsafeBufferPointer<UInt8>, then second: UnsafeBufferPointer<UInt8>) {
        guard !isFull else { return }
        var hasher = prefix.seed
        for byte in first { hasher.combine(byte &- 0x41 < 26 ? byte | 0x20 : byte) }
        hasher.combine(UInt8(ascii: " "))
        for byte in second { hasher.combine(byte &- 0x41 < 26 ? byte | 0x20 : byte) }
        record(hasher.finish(), prefix) {
            String(decoding: (Array(first) + [UInt8(ascii: " ")] + Array(second)).map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
    }

    /// A token whose hash the caller made, starting from `prefix.seed` as the other `emit`s do;
    /// `value` gives its text when texts are kept.
    mutating func emit(hashed hash: UInt64, _ prefix: TokenPrefix, _ value: () -> String) {
        guard !isFull else { return }
        record(hash, prefix, value)
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
        if emittingSecondary, marksSecondary { secondary.append(hash) }
        if fieldGroup != 0, marksSecondary { fieldTokens.append((hash, fieldGroup)) }
        if emittingRelay, marksSecondary { relay.append(hash) }
        if texts != nil, texts![hash] == nil { texts![hash] = prefix.text + value() }
    }

    /// Mixed with a key drawn once per process: token hashes are stable (the database stores
    /// them), so without the key a message could carry tokens crafted offline to share one slot
    /// and make this table probe once per token already there (quadratic in the token count).
    static let slotKey = UInt64.random(in: .min ... .max)

    /// The table slot `hash` is tried at first.
    @inline(__always)
    static func slot(of hash: UInt64, mask: Int, key: UInt64 = slotKey) -> Int {
        var mixed = hash ^ key
        mixed = (mixed ^ (mixed >> 33)) &* 0xFF51_AFD7_ED55_8CCD
        mixed ^= mixed >> 33
        return Int(truncatingIfNeeded: mixed) & mask
    }

    /// The distinct hashes, sorted, and their texts when kept. Duplicates go first, through an
    /// open-addressing table (the hashes are already well mixed), so that only the distinct
    /// ones are sorted; the table also marks the secondary ones, picked out of the sorted
    /// hashes in order rather than sorted apart.
    func finish() -> TokenSet {
        let count = hashes.count
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        let key = Self.slotKey
        var table = [UInt64](repeating: 0, count: capacity)
        var unique = [UInt64](unsafeUninitializedCapacity: count) { target, initialized in
            var kept = 0
            var sawZero = false
            table.withUnsafeMutableBufferPointer { slots in
                hashes.withUnsafeBufferPointer { source in
                    for hash in source {
                        if hash == 0 {
                            if !sawZero {
                                target[kept] = 0
                                kept += 1
                            }
                            sawZero = true
                            continue
                        }
                        var slot = Self.slot(of: hash, mask: mask, key: key)
                        while true {
                            let held = slots[slot]
                            if held == hash { break }
                            if held == 0 {
                                slots[slot] = hash
                                target[kept] = hash
                                kept += 1
                                break
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
            initialized = kept
        }
        HashSort.sort(&unique)
        var headerFields: [UInt64: UInt64] = [:]
        if !fieldTokens.isEmpty {
            headerFields.reserveCapacity(fieldTokens.count)
            for token in fieldTokens where headerFields[token.hash] == nil { headerFields[token.hash] = token.group }
        }
        let sequence = texts == nil ? [] : hashes
        guard !secondary.isEmpty || headerEnd > 0 else {
            return TokenSet(hashes: unique, texts: texts ?? [:], headerFields: headerFields, sequence: sequence, breaks: breaks)
        }
        // Every secondary or header hash is among `hashes`, so it has a slot.
        func picked(_ chosen: ArraySlice<UInt64>) -> [UInt64] {
            guard !chosen.isEmpty else { return [] }
            var marked = [Bool](repeating: false, count: capacity)
            var zeroIsChosen = false
            return table.withUnsafeBufferPointer { slots in
                marked.withUnsafeMutableBufferPointer { marked in
                    func slot(of hash: UInt64) -> Int {
                        var slot = Self.slot(of: hash, mask: mask, key: key)
                        while slots[slot] != hash { slot = (slot + 1) & mask }
                        return slot
                    }
                    for hash in chosen {
                        if hash == 0 { zeroIsChosen = true } else { marked[slot(of: hash)] = true }
                    }
                    return unique.filter { $0 == 0 ? zeroIsChosen : marked[slot(of: $0)] }
                }
            }
        }
        return TokenSet(hashes: unique, texts: texts ?? [:], secondary: picked(secondary[...]), header: picked(hashes[..<headerEnd]),
                        headerFields: headerFields, relays: picked(relay[...]), sequence: sequence, breaks: breaks)
    }
}
