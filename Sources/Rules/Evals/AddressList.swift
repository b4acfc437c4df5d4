/// A named list of file-glob address patterns (`*@example.com`, `friend@isp.com`, `?` for one
/// character), as `welcomelist_from` and `enlist_addrlist` build them; matching ignores case.
struct AddressList: Sendable {
    /// A lower-cased pattern, sorted by shape so the common ones need no glob.
    enum Pattern: Sendable {
        /// No `*` or `?`: the address itself.
        case exact([UInt8])
        /// `*` then no `*` or `?`: any address ending so.
        case suffix([UInt8])
        case glob([UInt8])

        init(_ bytes: [UInt8]) {
            let isWildcard: (UInt8) -> Bool = { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
            if !bytes.contains(where: isWildcard) {
                self = .exact(bytes)
            } else if bytes.first == UInt8(ascii: "*"), !bytes.dropFirst().contains(where: isWildcard) {
                self = .suffix(Array(bytes.dropFirst()))
            } else {
                self = .glob(bytes)
            }
        }

        func matches(_ text: [UInt8]) -> Bool {
            switch self {
            case .exact(let bytes): text == bytes
            case .suffix(let bytes): text.count >= bytes.count && text[(text.count - bytes.count)...].elementsEqual(bytes)
            case .glob(let bytes):
                // the part after the last `*` must match the end: a cheap test that rules out most texts
                AddressList.endMatches(Self.lastSegment(bytes), text) && AddressList.glob(bytes[...], matches: text[...])
            }
        }

        /// The pattern after its last `*` (all of it without one).
        static func lastSegment(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
            guard let star = bytes.lastIndex(of: UInt8(ascii: "*")) else { return bytes[...] }
            return bytes[(star + 1)...]
        }
    }

    /// The patterns without wildcards, found by one hash lookup (each key hashed in one call).
    private var exact: Set<WordKey> = []
    /// The `*@domain` patterns (domain without "@"), as "@domain": an address matches one when
    /// it holds from its last "@" on, so one hash lookup answers for them all.
    private var domains: Set<WordKey> = []
    /// The other patterns, in an array to run through; `wildcardIndex` finds one by its
    /// lower-cased text.
    private var wildcards: [Pattern] = []
    /// Per wildcard: what its last `*` leaves (`Pattern.lastSegment`), which the address must end with.
    private var wildcardTails: [[UInt8]] = []
    private var wildcardIndex: [String: Int] = [:]
    private var wildcardTexts: [String] = []

    var isEmpty: Bool { exact.isEmpty && domains.isEmpty && wildcards.isEmpty }

    /// "@domain" for a `*@domain` pattern whose domain has no "@" (nor `*` or `?`).
    private static func atDomain(_ pattern: Pattern) -> ArraySlice<UInt8>? {
        guard case .suffix(let bytes) = pattern, bytes.first == UInt8(ascii: "@"), !bytes.dropFirst().contains(UInt8(ascii: "@")) else {
            return nil
        }
        return bytes[...]
    }

    mutating func add(_ pattern: String) {
        let lowered = pattern.lowercased()
        let compiled = Pattern(Array(lowered.utf8))
        if case .exact(let bytes) = compiled {
            exact.insert(WordKey(bytes))
        } else if let domain = Self.atDomain(compiled) {
            domains.insert(WordKey(domain))
        } else if let index = wildcardIndex[lowered] {
            wildcards[index] = compiled
            wildcardTails[index] = Self.tail(of: compiled)
        } else {
            wildcardIndex[lowered] = wildcards.count
            wildcards.append(compiled)
            wildcardTails.append(Self.tail(of: compiled))
            wildcardTexts.append(lowered)
        }
    }

    mutating func remove(_ pattern: String) {
        let lowered = pattern.lowercased()
        exact.remove(WordKey(Array(lowered.utf8)))
        if let domain = Self.atDomain(Pattern(Array(lowered.utf8))) { domains.remove(WordKey(domain)) }
        guard let index = wildcardIndex.removeValue(forKey: lowered) else { return }
        let last = wildcards.count - 1
        if index != last {
            wildcards[index] = wildcards[last]
            wildcardTails[index] = wildcardTails[last]
            wildcardTexts[index] = wildcardTexts[last]
            wildcardIndex[wildcardTexts[index]] = index
        }
        wildcards.removeLast()
        wildcardTails.removeLast()
        wildcardTexts.removeLast()
    }

    func contains(_ address: String) -> Bool {
        contains(lowercased: Self.lowercasedBytes(address))
    }

    /// `contains` for an address already through `lowercasedBytes`.
    func contains(lowercased address: [UInt8]) -> Bool {
        if !exact.isEmpty, exact.contains(WordKey(address)) { return true }
        if !domains.isEmpty, let at = address.lastIndex(of: UInt8(ascii: "@")), domains.contains(WordKey(address[at...])) { return true }
        guard !wildcards.isEmpty else { return false }
        // the ends first, in one tight loop: most addresses end unlike every wildcard
        return address.withUnsafeBufferPointer { text in
            for index in wildcardTails.indices where Self.endMatches(wildcardTails[index], text) && wildcards[index].matches(address) {
                return true
            }
            return false
        }
    }

    /// The bytes an address must end with to match `pattern` (a `?` matching any byte).
    private static func tail(of pattern: Pattern) -> [UInt8] {
        switch pattern {
        case .exact(let bytes), .suffix(let bytes): bytes
        case .glob(let bytes): Array(Pattern.lastSegment(bytes))
        }
    }

    /// `endMatches` on a buffer.
    private static func endMatches(_ segment: [UInt8], _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard text.count >= segment.count else { return false }
        return segment.withUnsafeBufferPointer { wanted in
            var index = text.count - wanted.count
            for byte in wanted {
                if byte != UInt8(ascii: "?"), byte != text[index] { return false }
                index += 1
            }
            return true
        }
    }

    /// Whether `text` ends with `segment`, a `?` in it matching any one byte.
    static func endMatches(_ segment: ArraySlice<UInt8>, _ text: [UInt8]) -> Bool {
        guard text.count >= segment.count else { return false }
        var index = text.count - segment.count
        for byte in segment {
            if byte != UInt8(ascii: "?"), byte != text[index] { return false }
            index += 1
        }
        return true
    }

    /// The UTF-8 bytes of `address.lowercased()`.
    static func lowercasedBytes(_ address: String) -> [UInt8] {
        address.utf8.allSatisfy { $0 < 0x80 } ? address.utf8.map(ASCII.lower) : Array(address.lowercased().utf8)
    }

    /// `*` any run of bytes, `?` any one byte, everything else itself.
    static func glob(_ pattern: ArraySlice<UInt8>, matches text: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex, t = text.startIndex
        var star: Int?
        var starText = text.startIndex
        while t < text.endIndex {
            if p < pattern.endIndex, pattern[p] == UInt8(ascii: "?") || pattern[p] == text[t] && pattern[p] != UInt8(ascii: "*") {
                p += 1
                t += 1
            } else if p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") {
                star = p
                p += 1
                starText = t
            } else if let star {
                p = star + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }
}
