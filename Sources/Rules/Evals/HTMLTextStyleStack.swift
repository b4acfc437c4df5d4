/// The text styles SpamAssassin's HTML renderer tracks (colours, font size, display and
/// visibility) as elements open and close, to spot text in the colour of its background and
/// invalid colours.
struct HTMLTextStyleStack {
    struct Style {
        /// The tag's `HTMLTagTraits.id` (th's is td's), -1 for the initial style.
        var tag: Int
        var foreground: String
        var background: String
        var size: Int
        var display: String?
        var visibility: String?
        /// The colours' verdict, worked out once when the style opens.
        var lowContrast = false
        var invalidColor = false

        mutating func judgeColors() {
            (lowContrast, invalidColor) = HTMLTextStyleStack.judge(foreground: foreground, background: background)
        }
    }

    private var stack: [Style]
    private var baseFont = 3

    /// Attributes each text-style element may set.
    private static func allowed(_ role: HTMLTagRole) -> [HTMLAttributeName] {
        switch role {
        case .basefont, .font: [.color, .face, .size]
        case .body: [.text, .bgcolor, .link, .alink, .vlink, .background]
        case .marquee: [.bgcolor, .background]
        case .table, .td, .th, .tr: [.bgcolor, .style]
        case .span, .p, .div: [.style]
        default: []
        }
    }

    private static let tdID = HTMLTagTraits.id(of: "td")

    init() {
        var initial = Style(tag: -1, foreground: "#000000", background: "#ffffff", size: 3)
        initial.judgeColors()
        stack = [initial]
    }

    /// `open(_:attributes:)` by name (for tests).
    mutating func open(_ name: String, attributes: HTMLAttributes) -> (min: Int, max: Int)? {
        open(HTMLTagTraits.of(name), attributes: attributes)
    }

    mutating func close(_ name: String) {
        close(HTMLTagTraits.of(name))
    }

    /// Opens `name`; returns the font size it sets when an allowed attribute was read, for the
    /// document's smallest and largest size. The attributes are applied in source order.
    mutating func open(_ traits: HTMLTagTraits, attributes: HTMLAttributes) -> (min: Int, max: Int)? {
        let role = traits.role == .th ? HTMLTagRole.td : traits.role
        let tag = traits.role == .th ? Self.tdID : traits.id
        if role == .basefont, let size = attributes[.size], let value = Self.leadingInteger(size, signed: false) {
            baseFont = value
            return nil
        }
        if role == .td || role == .tr { closeTable(tag, role: role) }
        var style = stack[stack.count - 1]
        style.tag = tag
        if role == .big || role == .small {
            style.size += role == .big ? 1 : -1
            stack.append(style)
            return nil
        }
        var bounds: (min: Int, max: Int)?
        let permitted = Self.allowed(role)
        for entry in attributes.entries {
            guard let key = entry.known, permitted.contains(key) else { continue }
            let value = entry.value
            switch key {
            case .text, .color:
                style.foreground = HTMLColorParser.rgb(ASCII.string(value))
            case .size:
                if let relative = Self.leadingInteger(value, signed: true), let first = ASCII.trimmed(value[...]).first,
                   first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
                    style.size = baseFont + relative
                } else if let absolute = Self.leadingInteger(value, signed: false) {
                    style.size = absolute
                }
            case .style:
                applyCSS(value, to: &style)
            default:
                break
            }
            bounds = (min(bounds?.min ?? style.size, style.size), max(bounds?.max ?? style.size, style.size))
        }
        let parent = stack[stack.count - 1]
        if style.foreground != parent.foreground || style.background != parent.background { style.judgeColors() }
        stack.append(style)
        return bounds
    }

    mutating func close(_ traits: HTMLTagTraits) {
        let tag = traits.role == .th ? Self.tdID : traits.id
        guard stack.contains(where: { $0.tag == tag }) else { return }
        while stack.count > 1, let top = stack.popLast(), top.tag != tag {}
    }

    private static let fontID = HTMLTagTraits.id(of: "font")
    private static let trID = HTMLTagTraits.id(of: "tr")

    private mutating func closeTable(_ tag: Int, role: HTMLTagRole) {
        guard stack.contains(where: { $0.tag == tag }) else { return }
        let fontID = Self.fontID, tdID = Self.tdID, trID = Self.trID
        while stack.count > 1, let top = stack.last?.tag {
            let closes = role == .td ? (top == fontID || top == tdID) : (top == fontID || top == tdID || top == trID)
            guard closes else { break }
            stack.removeLast()
        }
    }

    private func applyCSS(_ css: ArraySlice<UInt8>, to style: inout Style) {
        if Self.mayDeclareStyle(css) { Self.applyDeclarations(ASCII.string(css), to: &style) }
        if style.background == "transparent" { style.background = stack[stack.count - 1].background }
        if style.foreground == "transparent" { style.foreground = style.background }
    }

    private static let styleProperties = ["color", "background", "display", "visibility"].map { Array($0.utf8) }

    /// False when no declaration of `css` can set a property `applyDeclarations` reads: it is
    /// ASCII (other text may lower-case into ASCII) and names none of them, ignoring case.
    static func mayDeclareStyle(_ css: ArraySlice<UInt8>) -> Bool {
        guard css.allSatisfy({ $0 < 0x80 }) else { return true }
        let lowered = ASCII.lowercased(css)
        return styleProperties.contains { ASCII.contains(lowered, $0) }
    }

    /// The colour, display and visibility declarations of `css` applied to `style` in order.
    static func applyDeclarations(_ css: String, to style: inout Style) {
        for declaration in css.split(separator: ";") {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let property = parts[0].trimmingCharacters().lowercased()
            // most declarations set something else (fonts, margins): their values are never read
            switch property {
            case "color", "background-color", "background", "display", "visibility": break
            default: continue
            }
            var value = parts[1].trimmingCharacters().lowercased()
            switch property {
            case "color", "background-color":
                if value.hasSuffix("important"), let bang = value.lastIndex(of: "!") { value = String(value[..<bang]).trimmingCharacters() }
                let color: String?
                if value.contains("rgb") {
                    let numbers = value.filter { $0.isASCII && ($0.isNumber || $0 == ",") }.split(separator: ",", omittingEmptySubsequences: false)
                    let channels = (0..<3).map { index in index < numbers.count ? min(Int(numbers[index]) ?? 0, 255) : 0 }
                    color = "#" + channels.map { HTMLColorParser.hexByte($0) }.joined()
                } else if value == "inherit" {
                    color = nil
                } else if value == "transparent" {
                    color = "transparent"
                } else {
                    color = HTMLColorParser.rgb(value)
                }
                if let color {
                    if property == "color" { style.foreground = color } else { style.background = color }
                }
            case "background":
                let lastLayer = value.split(separator: ",").last ?? ""
                for token in lastLayer.split(separator: " ") {
                    let color = HTMLColorParser.rgb(String(token))
                    if color != "invalid" { style.background = color; break }
                }
            case "display": style.display = value
            case "visibility": style.visibility = value
            default: break
            }
        }
    }

    /// For text about to be shown: whether its colour is too close to the background, or a
    /// colour is invalid.
    func visibility() -> (lowContrast: Bool, invalidColor: Bool) {
        (stack[stack.count - 1].lowContrast, stack[stack.count - 1].invalidColor)
    }

    /// For text about to be shown: whether a tiny font (size 1 or less), `display: none` or
    /// `visibility: hidden` hides it.
    func hidesText() -> Bool {
        let top = stack.count - 1
        return stack[top].size <= 1 || stack[top].display == "none" || stack[top].visibility == "hidden"
    }

    static func judge(foreground: String, background: String) -> (lowContrast: Bool, invalidColor: Bool) {
        if foreground.suffix(6) == background.suffix(6) { return (true, false) }
        if let fg = HTMLColorParser.channels(foreground), let bg = HTMLColorParser.channels(background) {
            let red = 0.2126 * Double(fg.0 - bg.0), green = 0.7152 * Double(fg.1 - bg.1), blue = 0.0722 * Double(fg.2 - bg.2)
            if (red * red + green * green + blue * blue).squareRoot() < 12 { return (true, false) }
        }
        return (false, foreground == "invalid" || background == "invalid")
    }

    private static func leadingInteger(_ value: ArraySlice<UInt8>, signed: Bool) -> Int? {
        var slice = value
        while let first = slice.first, ASCII.isPerlSpace(first) { slice = slice.dropFirst() }
        var negative = false
        if signed, let first = slice.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            slice = slice.dropFirst()
        }
        let digits = slice.prefix(while: ByteClass.isDigit).prefix(9)
        guard !digits.isEmpty, let number = Int(ASCII.string(digits)) else { return nil }
        return negative ? -number : number
    }
}
