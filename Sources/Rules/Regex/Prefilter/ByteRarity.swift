import Foundation

/// Rough odds of bytes in mail body lines (English prose of about `lineLength` bytes), used only
/// to choose which of a regex's necessary conditions are worth checking: a wrong guess costs
/// speed, never a match.
enum ByteRarity {
    static let lineLength = 100.0

    /// Share of each byte among the bytes of typical text.
    static let frequency: [Double] = {
        var table = [Double](repeating: 0.001, count: 256)
        for byte in 0..<0x20 { table[byte] = 0.00001 }
        for byte in 0x80...0xFF { table[byte] = 0.0003 }
        table[0x09] = 0.002
        table[0x20] = 0.16
        let letters: [(Character, Double)] = [
            ("e", 0.09), ("t", 0.065), ("a", 0.06), ("o", 0.06), ("i", 0.055), ("n", 0.055), ("s", 0.05), ("r", 0.05),
            ("h", 0.04), ("l", 0.03), ("d", 0.03), ("c", 0.025), ("u", 0.02), ("m", 0.02), ("f", 0.016), ("p", 0.015),
            ("g", 0.014), ("w", 0.014), ("y", 0.013), ("b", 0.011), ("v", 0.008), ("k", 0.005), ("x", 0.0015),
            ("j", 0.001), ("q", 0.001), ("z", 0.0007),
        ]
        for (letter, share) in letters {
            let lower = Int(letter.asciiValue!)
            table[lower] = share
            table[lower - 0x20] = share * 0.1 + 0.002
        }
        for digit in 0x30...0x39 { table[digit] = 0.004 }
        table[Int(UInt8(ascii: "."))] = 0.01
        table[Int(UInt8(ascii: ","))] = 0.008
        table[Int(UInt8(ascii: "-"))] = 0.004
        let total = table.reduce(0, +)
        return table.map { $0 / total }
    }()

    /// The odds that a line holds some byte of `set`.
    static func presence(of set: ByteSet) -> Double {
        1 - pow(1 - share(of: set), lineLength)
    }

    /// The share of `set`'s bytes in typical text.
    static func share(of set: ByteSet) -> Double {
        var total = 0.0
        set.forEachMember { total += frequency[Int($0)] }
        return min(total, 1)
    }

    /// Roughly the odds that a line holds `run`: lower is more selective. (A run starts at a
    /// given byte with odds (1 - s) * s^n, s the set's share.)
    static func score(of run: RequiredRun) -> Double {
        let share = share(of: run.bytes)
        return min(1, (1 - share + 1 / lineLength) * pow(share, Double(run.length)) * lineLength)
    }
}
