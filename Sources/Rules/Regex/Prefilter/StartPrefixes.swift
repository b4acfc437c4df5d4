/// What the first few bytes of any match of a piece of a pattern can be: a set of paths, each a
/// sequence of at most `depth` byte sets. Every string the piece matches begins with the bytes of
/// some path: exactly those bytes when the path is `complete` (the string is that long), or
/// those bytes followed by anything when it is not. Like `GateKnowledge`, each combination only
/// loses knowledge (more paths, shorter paths, wider sets), so the paths stay a necessary
/// condition for a match.
struct StartPrefixes: Hashable {
    static let depth = 3
    /// Beyond this many paths, paths are shortened until they fit.
    static let maxPaths = 192

    struct Path: Hashable {
        var first = ByteSet(), second = ByteSet(), third = ByteSet()
        var count = 0
        var complete: Bool

        subscript(position: Int) -> ByteSet {
            get { position == 0 ? first : position == 1 ? second : third }
            set {
                switch position {
                case 0: first = newValue
                case 1: second = newValue
                default: third = newValue
                }
            }
        }

        /// The path cut to `length` sets, no longer complete when that cut something.
        func cut(to length: Int) -> Path {
            guard length < count else { return self }
            var result = Path(complete: false)
            for position in 0..<length { result[position] = self[position] }
            result.count = length
            return result
        }

        /// One word mixed from every field: paths are hashed by the thousand, and SipHash over
        /// all thirteen words cost more than the rest of the analysis. Equality still compares
        /// every field.
        func hash(into hasher: inout Hasher) {
            var mixed = UInt64(count) | (complete ? 0x100 : 0)
            func mix(_ word: UInt64) {
                mixed = (mixed ^ word) &* 0x9E37_79B9_7F4A_7C15
                mixed ^= mixed >> 29
            }
            func mix(_ set: ByteSet) {
                mix(set.w0)
                mix(set.w1)
                mix(set.w2)
                mix(set.w3)
            }
            mix(first)
            mix(second)
            mix(third)
            hasher.combine(mixed)
        }

        /// Whether the path can still grow: a complete path shorter than `depth`.
        var isOpen: Bool { complete && count < StartPrefixes.depth }
    }

    private(set) var paths: Set<Path>

    /// Only the empty string: assertions, anchors.
    static let empty = StartPrefixes(paths: [Path(complete: true)])
    /// Anything: what is not understood.
    static let anything = StartPrefixes(paths: [Path(complete: false)])

    /// One byte of `set`; `thenAnything` when more bytes may follow that the pattern does not show
    /// (`\R` may match CR LF).
    static func byte(of set: ByteSet, thenAnything: Bool = false) -> StartPrefixes {
        var path = Path(complete: !thenAnything)
        path.first = set
        path.count = 1
        return StartPrefixes(paths: [path])
    }

    /// Whether some match may begin with no known byte (the prefixes say nothing).
    var isUnbounded: Bool { paths.contains { $0.count == 0 } }

    /// `self` followed by `next`.
    func followed(by next: StartPrefixes) -> StartPrefixes {
        guard paths.contains(where: \.isOpen) else { return self }
        var result = Set<Path>()
        for path in paths {
            guard path.isOpen else {
                result.insert(path)
                continue
            }
            for tail in next.paths {
                var joined = path
                let room = StartPrefixes.depth - path.count
                for position in 0..<min(room, tail.count) { joined[path.count + position] = tail[position] }
                joined.count = path.count + min(room, tail.count)
                // A path as long as `depth` says nothing of what follows.
                joined.complete = tail.count <= room && tail.complete && joined.count < StartPrefixes.depth
                result.insert(joined)
            }
        }
        return StartPrefixes(bounded: result)
    }

    /// `self` or `other`.
    func alternative(_ other: StartPrefixes) -> StartPrefixes {
        StartPrefixes(bounded: paths.union(other.paths))
    }

    /// `self` repeated at least `minimum` times, any number more.
    func repeated(minimum: Int) -> StartPrefixes {
        // Past `depth` copies nothing changes: a path holds at most `depth` non-empty copies.
        var required = StartPrefixes.empty
        for _ in 0..<min(minimum, StartPrefixes.depth) { required = required.followed(by: self) }
        var any = StartPrefixes.empty, power = StartPrefixes.empty
        for _ in 0..<StartPrefixes.depth {
            power = power.followed(by: self)
            any = any.alternative(power)
        }
        return required.followed(by: any)
    }

    private init(paths: Set<Path>) { self.paths = paths }

    /// `paths`, shortened until at most `maxPaths` remain.
    private init(bounded paths: Set<Path>) {
        var kept = paths
        var length = StartPrefixes.depth
        while kept.count > StartPrefixes.maxPaths, length > 0 {
            length -= 1
            kept = Set(kept.map { $0.cut(to: length) })
        }
        self.paths = kept
    }
}
