/// Up to sixteen byte sets whose longest runs in a text one pass measures, each in a byte lane
/// of a pair of `UInt64` (SWAR: every lane counts its current run and keeps its longest, capped
/// at `maxLength`, with no carry between lanes).
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
    /// Per byte: 0xFF in the lane of each set holding it (`2 * byte`: lanes 0…7; `2 * byte + 1`: 8…15).
    private let membership: [UInt64]

    init(sets: [ByteSet]) {
        self.sets = Array(sets.prefix(RunLanes.laneCount))
        var table = [UInt64](repeating: 0, count: 512)
        for (lane, set) in self.sets.enumerated() {
            for byte in 0...255 where set.contains(UInt8(byte)) { table[2 * byte + lane / 8] |= 0xFF << UInt64(lane % 8 * 8) }
        }
        membership = table
    }

    /// Per lane, the longest run of that lane's set in `text` (at most `maxLength`).
    func longestRuns(in text: UnsafeBufferPointer<UInt8>) -> Lengths {
        var current = Lengths(), longest = Lengths()
        let both = sets.count > 8
        membership.withUnsafeBufferPointer { table in
            for byte in text {
                let index = Int(byte) &* 2
                RunLanes.step(&current.low, &longest.low, table[index])
                if both { RunLanes.step(&current.high, &longest.high, table[index &+ 1]) }
            }
        }
        return longest
    }

    @inline(__always)
    private static func step(_ current: inout UInt64, _ longest: inout UInt64, _ member: UInt64) {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        // Lanes hold at most 127, so adding one never carries out of a lane; 128 is brought back
        // to 127.
        current = (current &+ ones) & member
        current &-= (current & high) &>> 7
        // Lanes where longest >= current keep longest: (longest + 128 - current) keeps its top
        // bit exactly there, and never borrows across lanes.
        let keep = (((longest | high) &- current) & high) &>> 7 &* 0xFF
        longest = (longest & keep) | (current & ~keep)
    }

    /// Whether every lane of `runs` reaches the length `needed` asks of it (0: nothing).
    static func meets(_ runs: Lengths, _ needed: Lengths) -> Bool {
        // Per lane, runs + 128 - needed has its top bit set when runs >= needed.
        let high: UInt64 = 0x8080_8080_8080_8080
        return ((runs.low | high) &- needed.low) & high == high && ((runs.high | high) &- needed.high) & high == high
    }
}
