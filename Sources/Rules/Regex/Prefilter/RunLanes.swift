/// Up to sixteen byte sets whose longest runs in a text one pass measures, each in a byte lane
/// of a `SIMD16<UInt8>`: every lane counts its current run and keeps its longest, capped at
/// `maxLength` (four vector instructions a byte).
struct RunLanes: Sendable {
    static let laneCount = 16
    static let maxLength = 127

    /// Lengths per lane: lanes 0…7 in `low`, 8…15 in `high`, one byte each.
    struct Lengths: Sendable, Equatable {
        var low: UInt64 = 0
        var high: UInt64 = 0

        var isZero: Bool { low | high == 0 }

        subscript(lane: Int) -> UInt64 {
            get { (lane < 8 ? low : high) >> UInt64(lane % 8 * 8) & 0xFF }
            set {
                let shift = UInt64(lane % 8 * 8)
                if lane < 8 {
                    low = low & ~(0xFF << shift) | (newValue & 0xFF) << shift
                } else {
                    high = high & ~(0xFF << shift) | (newValue & 0xFF) << shift
                }
            }
        }
    }

    let sets: [ByteSet]
    /// Per byte: 0xFF in the lane of each set holding it.
    private let membership: [SIMD16<UInt8>]

    init(sets: [ByteSet]) {
        self.sets = Array(sets.prefix(RunLanes.laneCount))
        var table = [SIMD16<UInt8>](repeating: .zero, count: 256)
        for (lane, set) in self.sets.enumerated() {
            for byte in 0...255 where set.contains(UInt8(byte)) { table[byte][lane] = 0xFF }
        }
        membership = table
    }

    /// Per lane, the longest run of that lane's set in `text` (at most `maxLength`).
    func longestRuns(in text: UnsafeBufferPointer<UInt8>) -> Lengths {
        let cap = SIMD16<UInt8>(repeating: UInt8(RunLanes.maxLength))
        // Both vectors local to the closure, so that they stay in registers.
        let longest = membership.withUnsafeBufferPointer { table in
            var current = SIMD16<UInt8>(), longest = SIMD16<UInt8>()
            for byte in text {
                // At most maxLength + 1 before the cap: never wraps.
                current = (current &+ 1) & table[Int(byte)]
                current.replace(with: cap, where: current .> cap)
                longest.replace(with: current, where: current .> longest)
            }
            return longest
        }
        return withUnsafeBytes(of: longest) { Lengths(low: $0.load(as: UInt64.self), high: $0.load(fromByteOffset: 8, as: UInt64.self)) }
    }

    /// Whether every lane of `runs` reaches the length `needed` asks of it (0: nothing).
    static func meets(_ runs: Lengths, _ needed: Lengths) -> Bool {
        // Per lane, runs + 128 - needed has its top bit set when runs >= needed.
        let high: UInt64 = 0x8080_8080_8080_8080
        return ((runs.low | high) &- needed.low) & high == high && ((runs.high | high) &- needed.high) & high == high
    }
}
