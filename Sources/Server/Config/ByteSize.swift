/// Sizes in the configuration: an integer count of bytes, or a string with a unit such as
/// "64k", "50M", "64 MiB" or "1 GB". Every unit is a power of 1024 (k = KB = KiB = 1024), as in
/// most mail software, and case does not matter.
public enum ByteSize {
    public enum ParseError: Error, Sendable, Equatable {
        case malformed
        case negative
        case tooLarge
    }

    public static func parse(_ text: String) -> Result<Int, ParseError> {
        var rest = Substring(text).drop { $0 == " " || $0 == "\t" }
        while let last = rest.last, last == " " || last == "\t" { rest.removeLast() }
        let negative = rest.first == "-"
        if negative { rest.removeFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return .failure(.malformed) }
        let unit = rest.dropFirst(digits.count).drop { $0 == " " || $0 == "\t" }
        guard let multiplier = multipliers[unit.lowercased()] else { return .failure(.malformed) }
        if negative { return .failure(.negative) }
        guard let count = Int(digits) else { return .failure(.tooLarge) }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: multiplier)
        return overflow ? .failure(.tooLarge) : .success(bytes)
    }

    /// The shortest exact spelling: "50 MiB" for 52428800, a plain integer when no unit divides
    /// it. Either form reads back to the same number.
    static func literal(_ bytes: Int) -> TOMLLiteral {
        guard bytes > 0 else { return .integer(bytes) }
        for (unit, multiplier) in [("TiB", 1 << 40), ("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)]
        where bytes % multiplier == 0 {
            return .string("\(bytes / multiplier) \(unit)")
        }
        return .integer(bytes)
    }

    private static let multipliers: [String: Int] = [
        "": 1, "b": 1,
        "k": 1 << 10, "kb": 1 << 10, "kib": 1 << 10,
        "m": 1 << 20, "mb": 1 << 20, "mib": 1 << 20,
        "g": 1 << 30, "gb": 1 << 30, "gib": 1 << 30,
        "t": 1 << 40, "tb": 1 << 40, "tib": 1 << 40,
    ]
}
