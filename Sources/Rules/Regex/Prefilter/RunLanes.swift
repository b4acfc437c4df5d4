/// Up to eight byte sets whose longest runs in a text one pass measures, each in a byte lane of
/// a `UInt64` (SWAR: every lane counts its current run and keeps its longest, capped at
/// `maxLength`, with no carry between lanes).
struct RunLanes: Sendable {
    static let laneCount = 8
    static let maxLength = 127

    let sets: [ByteSet]
    /// Per byte: 0xFF in the lane of each set holding it.
    private let membership: [UInt64]

    init(sets: [ByteSet]) {
        self.sets = Array(sets.prefix(RunLanes.laneCount))
        var table = [UInt64](repeating: 0, count: 256)
        for (lane, set) in self.sets.enumerated() {
            for byte in 0...255 where set.contains(UInt8(byte)) { table[byte] |= 0xFF << UInt64(lane * 8) }
        }
        membership = table
    }

    /// Per lane, the longest run of that lane's set in `text` (at most `maxLength`).
    func longestRuns(in text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        var current: UInt64 = 0, longest: UInt64 = 0
        membership.withUnsafeBufferPointer { table in
            for byte in text {
                // Lanes hold at most 127, so adding one never carries out of a lane; 128 is
                // brought back to 127.
                current = (current &+ ones) & table[Int(byte)]
                current &-= (current & high) &>> 7
                // Lanes where longest >= current keep longest: (longest + 128 - current) keeps
                // its top bit exactly there, and never borrows across lanes.
                let keep = (((longest | high) &- current) & high) &>> 7 &* 0xFF
                longest = (longest & keep) | (current & ~keep)
            }
        }
        return longest
    }

    /// Whether every lane of `runs` reaches the length `needed` asks of it (0: nothing).
    static func meets(_ runs: UInt64, _ needed: UInt64) -> Bool {
        // Per lane, runs + 128 - needed has its top bit set when runs >= needed.
        let high: UInt64 = 0x8080_8080_8080_8080
        return ((runs | high) &- needed) & high == high
    }
}
