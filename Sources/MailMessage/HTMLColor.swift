/// Colours from HTML attributes and CSS, as 0xRRGGBB, for telling text that is written in (nearly)
/// the colour of its background.
enum HTMLColor {
    /// No colour known (an image background, a colour we cannot read).
    static let unknown: Int32 = -1
    /// `transparent`, or an rgba() with alpha 0: text in it is not seen.
    static let transparent: Int32 = -2
    static let white: Int32 = 0xFFFFFF
    static let black: Int32 = 0x000000
    /// The default colour of links.
    static let link: Int32 = 0x0000EE
    /// Colours whose channels differ by at most this much in total look the same.
    static let invisibleDistance: Int32 = 48

    private static let named: [String: Int32] = [
        "black": 0x000000, "silver": 0xC0C0C0, "gray": 0x808080, "grey": 0x808080, "white": 0xFFFFFF,
        "maroon": 0x800000, "red": 0xFF0000, "purple": 0x800080, "fuchsia": 0xFF00FF, "magenta": 0xFF00FF,
        "green": 0x008000, "lime": 0x00FF00, "olive": 0x808000, "yellow": 0xFFFF00, "navy": 0x000080,
        "blue": 0x0000FF, "teal": 0x008080, "aqua": 0x00FFFF, "cyan": 0x00FFFF, "orange": 0xFFA500,
        "pink": 0xFFC0CB, "brown": 0xA52A2A, "gold": 0xFFD700, "beige": 0xF5F5DC, "gainsboro": 0xDCDCDC,
        "lightgray": 0xD3D3D3, "lightgrey": 0xD3D3D3, "darkgray": 0xA9A9A9, "darkgrey": 0xA9A9A9,
        "whitesmoke": 0xF5F5F5, "snow": 0xFFFAFA, "ivory": 0xFFFFF0, "ghostwhite": 0xF8F8FF,
        "floralwhite": 0xFFFAF0, "seashell": 0xFFF5EE, "linen": 0xFAF0E6, "azure": 0xF0FFFF,
        "mintcream": 0xF5FFFA, "honeydew": 0xF0FFF0, "aliceblue": 0xF0F8FF, "lavenderblush": 0xFFF0F5,
        "oldlace": 0xFDF5E6, "cornsilk": 0xFFF8DC, "lemonchiffon": 0xFFFACD, "lightyellow": 0xFFFFE0,
        "transparent": transparent,
    ]

    /// The colour `value` names: `#rgb`, `#rrggbb` (`#rgba`, `#rrggbbaa` with alpha 0 being
    /// transparent), `rrggbb` (legacy attributes), `rgb()` / `rgba()`, or a colour name; nil
    /// when it is none of those.
    static func parse(_ value: UnsafeBufferPointer<UInt8>) -> Int32? {
        let trimmed = ASCIIBytes.trimmed(value)
        guard let base = trimmed.baseAddress, !trimmed.isEmpty else { return nil }
        if base[0] == UInt8(ascii: "#") { return hex(UnsafeBufferPointer(rebasing: trimmed[1...])) }
        if trimmed.count >= 4, ASCIIBytes.equalsLowercase(base, count: 3, "rgb") { return rgbFunction(trimmed) }
        if trimmed.count <= 20, ASCIIBytes.isLetter(base[0]) {
            let name = String(decoding: trimmed.lazy.map(HeaderText.lowerASCII), as: UTF8.self)
            if let color = named[name] { return color }
        }
        return trimmed.count == 6 ? hex(trimmed) : nil
    }

    static func parse(_ value: [UInt8]) -> Int32? { value.withUnsafeBufferPointer { parse($0) } }

    private static func hex(_ digits: UnsafeBufferPointer<UInt8>) -> Int32? {
        var value: Int32 = 0
        for byte in digits {
            guard let digit = hexDigit(byte) else { return nil }
            value = value << 4 | digit
        }
        switch digits.count {
        case 3: return (value >> 8) * 0x110000 + (value >> 4 & 0xF) * 0x1100 + (value & 0xF) * 0x11
        case 4: return value & 0xF == 0 ? transparent : (value >> 12) * 0x110000 + (value >> 8 & 0xF) * 0x1100 + (value >> 4 & 0xF) * 0x11
        case 6: return value
        case 8: return value & 0xFF == 0 ? transparent : value >> 8 & 0xFFFFFF
        default: return nil
        }
    }

    @inline(__always) private static func hexDigit(_ byte: UInt8) -> Int32? {
        if byte &- 0x30 < 10 { return Int32(byte - 0x30) }
        let lower = byte | 0x20
        if lower &- 0x61 < 6 { return Int32(lower - 0x61 + 10) }
        return nil
    }

    /// `rgb(r, g, b)` or `rgba(r, g, b, a)`, channels as numbers or percentages.
    private static func rgbFunction(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let open = bytes.firstIndex(of: UInt8(ascii: "(")), let close = bytes.lastIndex(of: UInt8(ascii: ")")),
              open < close else { return nil }
        let parts = bytes[(open + 1)..<close].split(whereSeparator: { $0 == UInt8(ascii: ",") || $0 == 0x20 || $0 == UInt8(ascii: "/") })
        guard parts.count >= 3 else { return nil }
        if parts.count >= 4, let alpha = CSSNumber(parts[3]), alpha.value <= 0 { return transparent }
        var color: Int32 = 0
        for part in parts.prefix(3) {
            guard let number = CSSNumber(part) else { return nil }
            let channel = number.unit == "%" ? number.value * 2.55 : number.value
            color = color << 8 | Int32(max(0, min(255, channel.rounded())))
        }
        return color
    }

    /// Whether text in `foreground` on `background` cannot be seen.
    @inline(__always)
    static func isInvisible(_ foreground: Int32, on background: Int32) -> Bool {
        if foreground == black && background == white { return false }
        if foreground == transparent { return true }
        guard foreground >= 0, background >= 0 else { return false }
        let red = abs((foreground >> 16) - (background >> 16))
        let green = abs((foreground >> 8 & 0xFF) - (background >> 8 & 0xFF))
        let blue = abs((foreground & 0xFF) - (background & 0xFF))
        return red + green + blue <= invisibleDistance
    }
}
