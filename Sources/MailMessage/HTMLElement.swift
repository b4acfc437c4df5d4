/// The HTML elements the renderer knows, with what each does to the rendered text. Unknown
/// elements render like inline ones (browsers show their content without a break).
enum HTMLElement: UInt8, CaseIterable {
    case a, abbr, acronym, address, applet, area, article, aside, audio
    case b, base, basefont, bdi, bdo, bgsound, big, blink, blockquote, body, br, button
    case canvas, caption, center, cite, code, col, colgroup
    case dd, del, details, dfn, dialog, dir, div, dl, dt
    case em, embed, fieldset, figcaption, figure, font, footer, form, frame, frameset
    case h1, h2, h3, h4, h5, h6, head, header, hr, html
    case i, iframe, ilayer, img, input, ins, isindex, kbd, keygen
    case label, layer, legend, li, link, listing, main, map, mark, marquee, menu, meta, meter
    case nav, nobr, noembed, noframes, noscript, object, ol, optgroup, option, output
    case p, param, picture, plaintext, pre, progress, q, rp, rt, ruby
    case s, samp, script, section, select, small, source, spacer, span, strike, strong, style, sub, summary, sup
    case table, tbody, td, template, textarea, tfoot, th, thead, time, title, tr, track, tt
    case u, ul, `var`, video, wbr, xmp

    /// How many elements there are (raw values run from 0 to count - 1).
    static let count = Int(HTMLElement.xmp.rawValue) + 1

    /// The lower-case tag name.
    var name: String { Self.names[Int(rawValue)] }

    /// The break a start or end tag of this element puts into the text.
    @inline(__always) var textBreak: HTMLTextBreak {
        switch self {
        case .p, .h1, .h2, .h3, .h4, .h5, .h6, .blockquote, .pre, .listing, .plaintext, .xmp, .table, .ul, .ol,
             .dl, .dir, .menu, .hr, .title, .address, .fieldset, .figure, .details, .dialog, .form:
            .paragraph
        case .br, .div, .tr, .li, .dt, .dd, .center, .article, .aside, .header, .footer, .nav, .main, .section,
             .figcaption, .caption, .legend, .option, .summary, .marquee, .select, .textarea, .html, .head, .body,
             .frameset, .noscript:
            .line
        case .td, .th, .img, .input, .button, .iframe, .embed, .object, .applet:
            .space
        default:
            .none
        }
    }

    /// Elements that never have content or an end tag.
    @inline(__always) var isVoid: Bool {
        switch self {
        case .area, .base, .basefont, .bgsound, .br, .col, .embed, .frame, .hr, .img, .input, .isindex, .keygen,
             .link, .meta, .param, .source, .spacer, .track, .wbr: true
        default: false
        }
    }

    /// Elements whose end tag HTML lets authors leave out; an unclosed one is not unbalanced.
    @inline(__always) var hasOptionalEnd: Bool {
        switch self {
        case .p, .li, .dt, .dd, .td, .th, .tr, .tbody, .thead, .tfoot, .option, .optgroup, .colgroup, .rp, .rt,
             .html, .head, .body: true
        default: false
        }
    }

    /// Elements an end tag does not look past for its start tag (HTML's "in scope" boundaries).
    @inline(__always) var isScopeBoundary: Bool {
        switch self {
        case .table, .td, .th, .caption, .marquee, .object, .applet, .template, .html: true
        default: false
        }
    }

    /// Elements whose content is raw text that is never shown: it is skipped up to the end tag.
    @inline(__always) var isRawText: Bool { self == .script || self == .style }

    /// Elements whose content browsers do not show in a mail (frames' fallback, templates): it
    /// renders as hidden text.
    @inline(__always) var hidesContent: Bool {
        switch self {
        case .iframe, .noembed, .noframes, .template: true
        default: false
        }
    }

    /// Elements in which white space is kept as written.
    @inline(__always) var keepsWhiteSpace: Bool {
        switch self {
        case .pre, .listing, .plaintext, .textarea, .xmp: true
        default: false
        }
    }

    private static let names: [String] = allCases.map { "\($0)" }

    /// Names of at most 8 bytes, packed lower-case, in an open-addressing table of
    /// `slotCount` slots (a key of 0 marks an empty slot): cheaper than a Dictionary's hashing
    /// on the path every tag takes.
    private static let slotCount = 512
    typealias Slot = (key: UInt64, element: HTMLElement?)
    static let slots: [Slot] = {
        var table = [Slot](repeating: (0, nil), count: slotCount)
        for element in allCases where element.name.utf8.count <= 8 {
            let key = Array(element.name.utf8).withUnsafeBufferPointer { ASCIIBytes.packLowercase($0.baseAddress!, count: $0.count) }
            var slot = slotIndex(key)
            while table[slot].key != 0 { slot = (slot + 1) & (slotCount - 1) }
            table[slot] = (key, element)
        }
        return table
    }()

    @inline(__always) private static func slotIndex(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 55)
    }

    /// The element named by `count` bytes at `name`, in any case; nil for unknown names.
    static func lookup(_ name: UnsafePointer<UInt8>, count: Int) -> HTMLElement? {
        slots.withUnsafeBufferPointer { lookup(name, count: count, in: $0.baseAddress!) }
    }

    /// `lookup(_:count:)` with the table (`slots`) at hand. With `readable` bytes known to be
    /// readable at `name` (8 or more), the name is packed with one load.
    @inline(__always)
    static func lookup(_ name: UnsafePointer<UInt8>, count: Int, in table: UnsafePointer<Slot>, readable: Int = 0) -> HTMLElement? {
        if count == 0 { return nil }
        if count <= 8 {
            let key = readable >= 8 ? ASCIIBytes.packLowercase8(name, count: count) : ASCIIBytes.packLowercase(name, count: count)
            var slot = slotIndex(key)
            while table[slot].key != 0 {
                if table[slot].key == key { return table[slot].element }
                slot = (slot + 1) & (slotCount - 1)
            }
            return nil
        }
        if count == 10 {
            if ASCIIBytes.equalsLowercase(name, count: count, "blockquote") { return .blockquote }
            if ASCIIBytes.equalsLowercase(name, count: count, "figcaption") { return .figcaption }
        }
        if count == 9, ASCIIBytes.equalsLowercase(name, count: count, "plaintext") { return .plaintext }
        return nil
    }
}
