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

    struct Path: Hashable, Comparable {
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

        /// An order that tells apart every two different paths, so that sorting brings equal
        /// paths together.
        static func < (left: Path, right: Path) -> Bool {
            if left.count != right.count { return left.count < right.count }
            if left.complete != right.complete { return !left.complete }
            for position in 0..<StartPrefixes.depth where left[position] != right[position] {
                let leftSet = left[position], rightSet = right[position]
                return (leftSet.w0, leftSet.w1, leftSet.w2, leftSet.w3) < (rightSet.w0, rightSet.w1, rightSet.w2, rightSet.w3)
            }
            return false
        }

        /// Whether the path can still grow: a complete path shorter than `depth`.
        var isOpen: Bool { complete && count < StartPrefixes.depth }
    }

    /// Sorted, each path once: paths are combined by the thousand, and sorting them was cheaper
    /// than hashing them into a `Set`.
    private(set) var paths: [Path]

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
        var result: [Path] = []
        result.reserveCapacity(paths.reduce(0) { $0 + ($1.isOpen ? next.paths.count : 1) })
        for path in paths {
            guard path.isOpen else {
                result.append(path)
                continue
            }
            for tail in next.paths {
                var joined = path
                let room = StartPrefixes.depth - path.count
                for position in 0..<min(room, tail.count) { joined[path.count + position] = tail[position] }
                joined.count = path.count + min(room, tail.count)
                // A path as long as `depth` says nothing of what follows.
                joined.complete = tail.count <= room && tail.complete && joined.count < StartPrefixes.depth
                result.append(joined)
            }
        }
        return StartPrefixes(bounded: result)
    }

    /// `self` or `other`.
    func alternative(_ other: StartPrefixes) -> StartPrefixes {
        StartPrefixes(boundedDistinct: StartPrefixes.merged(paths, other.paths))
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

    private init(paths: [Path]) { self.paths = paths }

    /// `paths` without repeats, shortened until at most `maxPaths` remain.
    private init(bounded paths: [Path]) {
        self.init(boundedDistinct: StartPrefixes.distinct(paths))
    }

    /// `paths`, sorted and each once, shortened until at most `maxPaths` remain.
    private init(boundedDistinct paths: [Path]) {
        var kept = paths
        var length = StartPrefixes.depth
        while kept.count > StartPrefixes.maxPaths, length > 0 {
            length -= 1
            kept = StartPrefixes.distinct(kept.map { $0.cut(to: length) })
        }
        self.paths = kept
    }

    /// Two sorted lists of distinct paths as one sorted list, each path once: what `distinct`
    /// makes of both together, without sorting again.
    static func merged(_ first: [Path], _ second: [Path]) -> [Path] {
        var result: [Path] = []
        result.reserveCapacity(first.count + second.count)
        var firstIndex = 0, secondIndex = 0
        while firstIndex < first.count, secondIndex < second.count {
            let left = first[firstIndex], right = second[secondIndex]
            if left < right {
                result.append(left)
                firstIndex += 1
            } else if right < left {
                result.append(right)
                secondIndex += 1
            } else {
                result.append(left)
                firstIndex += 1
                secondIndex += 1
            }
        }
        result += first[firstIndex...]
        result += second[secondIndex...]
        return result
    }

    /// `paths` sorted, each once.
    private static func distinct(_ paths: [Path]) -> [Path] {
        var sorted = paths.sorted()
        var kept = 0
        for index in sorted.indices where kept == 0 || sorted[kept - 1] != sorted[index] {
            sorted[kept] = sorted[index]
            kept += 1
        }
        sorted.removeLast(sorted.count - kept)
        return sorted
    }
}
