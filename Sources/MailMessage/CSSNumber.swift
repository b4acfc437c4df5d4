/// A CSS number with its unit (`0`, `1px`, `-9999px`, `0.5em`, `20%`); the unit is lower-cased
/// and empty when there is none.
struct CSSNumber {
    let value: Double
    let unit: String

    init?<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        var iterator = bytes.makeIterator()
        var next = iterator.next()
        while let byte = next, byte <= 0x20 { next = iterator.next() }
        var negative = false
        if next == UInt8(ascii: "-") || next == UInt8(ascii: "+") {
            negative = next == UInt8(ascii: "-")
            next = iterator.next()
        }
        var value = 0.0, digits = 0, scale = 0.0
        while let byte = next {
            if byte &- 0x30 < 10 {
                if scale == 0 { value = value * 10 + Double(byte - 0x30) } else { value += Double(byte - 0x30) * scale; scale /= 10 }
                digits += 1
            } else if byte == UInt8(ascii: "."), scale == 0 {
                scale = 0.1
            } else {
                break
            }
            next = iterator.next()
        }
        guard digits > 0 else { return nil }
        var unit: [UInt8] = []
        while let byte = next, byte > 0x20, unit.count < 8 {
            unit.append(HeaderText.lowerASCII(byte))
            next = iterator.next()
        }
        self.value = negative ? -value : value
        self.unit = String(decoding: unit, as: UTF8.self)
    }
}
