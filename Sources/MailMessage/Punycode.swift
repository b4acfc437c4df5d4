/// Punycode (RFC 3492), the Bootstring encoding that IDNA uses for non-ASCII domain labels, and
/// the conversion of whole domains between their `xn--` and Unicode forms. The only mapping
/// applied is lower-casing; there are no IDNA tables.
public enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700
    private static let initialBias = 72, initialN = 0x80
    /// RFC 3492 section 6.4: values are bounded by a 32-bit unsigned integer.
    private static let maxInt = Int(UInt32.max)
    /// Longer labels are not domain labels; the bound keeps the quadratic insertion cheap.
    public static let maxLength = 1024
    private static let acePrefix = "xn--"

    /// The Punycode form of `input`, without the `xn--` prefix; nil when it is longer than
    /// `maxLength` or a value overflows. Basic (ASCII) code points keep their case.
    public static func encode(_ input: String) -> String? {
        let scalars = input.unicodeScalars.map { Int($0.value) }
        guard scalars.count <= maxLength else { return nil }
        var output: [UInt8] = scalars.filter { $0 < initialN }.map { UInt8($0) }
        let basicCount = output.count
        var handled = basicCount
        if basicCount > 0 { output.append(UInt8(ascii: "-")) }
        var n = initialN, delta = 0, bias = initialBias
        while handled < scalars.count {
            guard let next = scalars.filter({ $0 >= n }).min() else { break }
            let (step, overflow) = (next - n).multipliedReportingOverflow(by: handled + 1)
            guard !overflow, step <= maxInt - delta else { return nil }
            delta += step
            n = next
            for value in scalars {
                if value < n {
                    delta += 1
                    guard delta <= maxInt else { return nil }
                }
                guard value == n else { continue }
                var q = delta
                var k = base
                while true {
                    let t = threshold(k, bias: bias)
                    if q < t { break }
                    output.append(digit(t + (q - t) % (base - t)))
                    q = (q - t) / (base - t)
                    k += base
                }
                output.append(digit(q))
                bias = adapt(delta, count: handled + 1, first: handled == basicCount)
                delta = 0
                handled += 1
            }
            delta += 1
            n += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The string that `input` (without `xn--`) encodes; nil when it is not valid Punycode.
    public static func decode(_ input: String) -> String? {
        let bytes = Array(input.utf8)
        guard bytes.count <= maxLength else { return nil }
        let delimiter = bytes.lastIndex(of: UInt8(ascii: "-"))
        var output: [Unicode.Scalar] = []
        if let delimiter {
            for byte in bytes[..<delimiter] {
                guard byte < 0x80 else { return nil }
                output.append(Unicode.Scalar(byte))
            }
        }
        var at = delimiter.map { $0 + 1 } ?? 0
        var n = initialN, i = 0, bias = initialBias
        while at < bytes.count {
            let oldI = i
            var weight = 1
            var k = base
            while true {
                guard at < bytes.count, let value = digitValue(bytes[at]) else { return nil }
                at += 1
                guard value <= (maxInt - i) / weight else { return nil }
                i += value * weight
                let t = threshold(k, bias: bias)
                if value < t { break }
                guard weight <= maxInt / (base - t) else { return nil }
                weight *= base - t
                k += base
            }
            let length = output.count + 1
            bias = adapt(i - oldI, count: length, first: oldI == 0)
            guard i / length <= maxInt - n else { return nil }
            n += i / length
            i %= length
            guard n >= initialN, let scalar = Unicode.Scalar(UInt32(n)) else { return nil }
            output.insert(scalar, at: i)
            i += 1
        }
        return String(String.UnicodeScalarView(output))
    }

    /// `domain` with every label that is not ASCII lower-cased and Punycode-encoded behind `xn--`,
    /// and ASCII labels lower-cased. Ideographic full stops separate labels as dots do. A domain
    /// literal (`[192.0.2.1]`) is returned as is.
    public static func asciiDomain(_ domain: String) -> String {
        if domain.utf8.allSatisfy({ $0 < 0x80 }) || domain.hasPrefix("[") { return lowercasedASCII(domain) }
        return labels(of: domain).map { label in
            if label.unicodeScalars.allSatisfy(\.isASCII) { return lowercasedASCII(label) }
            guard let encoded = encode(label.lowercased()) else { return label.lowercased() }
            return acePrefix + encoded
        }.joined(separator: ".")
    }

    /// `domain` with every `xn--` label decoded; labels that are not valid Punycode stay as they
    /// are. Lower-cased.
    public static func unicodeDomain(_ domain: String) -> String {
        let lowered = domain.lowercased()
        guard lowered.contains(acePrefix), !lowered.hasPrefix("[") else { return lowered }
        return labels(of: lowered).map { label in
            // An A-label must stand for something that is not ASCII.
            guard label.hasPrefix(acePrefix), let decoded = decode(String(label.dropFirst(acePrefix.count))),
                  decoded.unicodeScalars.contains(where: { !$0.isASCII }) else { return label }
            return decoded.lowercased()
        }.joined(separator: ".")
    }

    private static func labels(of domain: String) -> [String] {
        // U+3002 ideographic, U+FF0E fullwidth and U+FF61 halfwidth ideographic full stops.
        domain.split(omittingEmptySubsequences: false) { $0 == "." || $0 == "\u{3002}" || $0 == "\u{FF0E}" || $0 == "\u{FF61}" }
            .map(String.init)
    }

    private static func lowercasedASCII(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return text }
        return String(decoding: text.utf8.map(HeaderText.lowerASCII), as: UTF8.self)
    }

    private static func threshold(_ k: Int, bias: Int) -> Int {
        k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
    }

    private static func adapt(_ delta: Int, count: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }

    private static func digit(_ value: Int) -> UInt8 {
        value < 26 ? UInt8(ascii: "a") + UInt8(value) : UInt8(ascii: "0") + UInt8(value - 26)
    }

    private static func digitValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A"))
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0")) + 26
        default: nil
        }
    }
}
