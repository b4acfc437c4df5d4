/// What an inline `style` attribute does to the visibility and colours of an element's text.
/// Only inline styles are read: rules from `<style>` sheets (classes, selectors) are not applied.
struct HTMLInlineStyle {
    /// display:none, visibility:hidden, opacity:0, a font size of 0 or 1px, a zero height with
    /// overflow hidden, or text pushed far off the left edge.
    var hides = false
    var color: Int32?
    /// The background colour; `HTMLColor.unknown` for an image background.
    var background: Int32?

    init(_ style: UnsafeBufferPointer<UInt8>) {
        var zeroSize = false, overflowHidden = false
        var start = 0
        while start < style.count {
            var end = start
            while end < style.count, style[end] != UInt8(ascii: ";") { end += 1 }
            var colon = start
            while colon < end, style[colon] != UInt8(ascii: ":") { colon += 1 }
            if colon < end {
                let property = ASCIIBytes.trimmed(UnsafeBufferPointer(rebasing: style[start..<colon]))
                let value = Self.withoutImportant(ASCIIBytes.trimmed(UnsafeBufferPointer(rebasing: style[(colon + 1)..<end])))
                apply(property, value, zeroSize: &zeroSize, overflowHidden: &overflowHidden)
            }
            start = end + 1
        }
        if zeroSize && overflowHidden { hides = true }
    }

    private mutating func apply(_ property: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>,
                                zeroSize: inout Bool, overflowHidden: inout Bool) {
        guard let name = property.baseAddress else { return }
        let named = { (word: StaticString) in ASCIIBytes.equalsLowercase(name, count: property.count, word) }
        switch property.count {
        case 5:
            if named("color"), let parsed = HTMLColor.parse(value) { color = parsed }
        case 7:
            if named("display"), ASCIIBytes.equalsLowercase(value, "none") { hides = true }
            if named("opacity"), let number = CSSNumber(value), number.value <= (number.unit == "%" ? 5 : 0.05) { hides = true }
        case 8:
            if named("overflow"), ASCIIBytes.equalsLowercase(value, "hidden") { overflowHidden = true }
        case 9:
            if named("font-size"), let number = CSSNumber(value), Self.isTinyFont(number) { hides = true }
        case 10:
            if named("visibility"), ASCIIBytes.equalsLowercase(value, "hidden") || ASCIIBytes.equalsLowercase(value, "collapse") {
                hides = true
            }
            if named("background") { background = Self.backgroundColor(value) ?? background }
            if named("max-height"), let number = CSSNumber(value), number.value <= 0 { zeroSize = true }
        case 11:
            if named("text-indent"), let number = CSSNumber(value), number.value <= -999 { hides = true }
        case 16:
            if named("background-color"), let parsed = HTMLColor.parse(value) { background = parsed }
            if named("background-image"), !ASCIIBytes.equalsLowercase(value, "none") { background = HTMLColor.unknown }
        default:
            if named("height") || named("width") || named("max-width"), let number = CSSNumber(value), number.value <= 0 { zeroSize = true }
        }
    }

    private static func isTinyFont(_ number: CSSNumber) -> Bool {
        if number.value <= 0 { return true }
        switch number.unit {
        case "px", "pt", "": return number.value <= 1
        case "em", "rem": return number.value <= 0.1
        case "%": return number.value <= 10
        default: return false
        }
    }

    /// The colour in a `background` shorthand; unknown when it has an image.
    private static func backgroundColor(_ value: UnsafeBufferPointer<UInt8>) -> Int32? {
        let lower = value.map(HeaderText.lowerASCII)
        if lower.count >= 4, lower.indices.dropLast(3).contains(where: { lower[$0...].starts(with: Array("url(".utf8)) }) {
            return HTMLColor.unknown
        }
        if let parsed = HTMLColor.parse(value) { return parsed }
        for word in lower.split(separator: 0x20) {
            if let parsed = HTMLColor.parse(Array(word)) { return parsed }
        }
        return nil
    }

    private static func withoutImportant(_ value: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let bang = value.lastIndex(of: UInt8(ascii: "!")) else { return value }
        return ASCIIBytes.trimmed(UnsafeBufferPointer(rebasing: value[..<bang]))
    }
}
