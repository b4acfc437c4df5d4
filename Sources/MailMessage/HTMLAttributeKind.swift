/// The attributes the renderer reads; every other attribute is skipped without a copy.
enum HTMLAttributeKind: UInt8 {
    // links
    case href, src, action, background, data, cite, longdesc, poster, formaction
    // visibility and colour
    case style, color, bgcolor, text, link, hidden
    // images
    case width, height, alt
    // <meta http-equiv="refresh" content="0; url=…">
    case content, httpEquiv

    /// Whether the value is a URI.
    var isLink: Bool { rawValue <= HTMLAttributeKind.formaction.rawValue }

    /// The kind of the attribute named by `count` bytes at `name`, in any case.
    @inline(__always)
    init?(_ name: UnsafePointer<UInt8>, count: Int) {
        let first = name[0] | 0x20
        switch count {
        case 3:
            if first == UInt8(ascii: "s"), ASCIIBytes.equalsLowercase(name, count: count, "src") { self = .src; return }
            if first == UInt8(ascii: "a"), ASCIIBytes.equalsLowercase(name, count: count, "alt") { self = .alt; return }
        case 4:
            switch first {
            case UInt8(ascii: "h"): if ASCIIBytes.equalsLowercase(name, count: count, "href") { self = .href; return }
            case UInt8(ascii: "d"): if ASCIIBytes.equalsLowercase(name, count: count, "data") { self = .data; return }
            case UInt8(ascii: "c"): if ASCIIBytes.equalsLowercase(name, count: count, "cite") { self = .cite; return }
            case UInt8(ascii: "t"): if ASCIIBytes.equalsLowercase(name, count: count, "text") { self = .text; return }
            case UInt8(ascii: "l"): if ASCIIBytes.equalsLowercase(name, count: count, "link") { self = .link; return }
            default: break
            }
        case 5:
            switch first {
            case UInt8(ascii: "s"): if ASCIIBytes.equalsLowercase(name, count: count, "style") { self = .style; return }
            case UInt8(ascii: "c"): if ASCIIBytes.equalsLowercase(name, count: count, "color") { self = .color; return }
            case UInt8(ascii: "w"): if ASCIIBytes.equalsLowercase(name, count: count, "width") { self = .width; return }
            default: break
            }
        case 6:
            switch first {
            case UInt8(ascii: "a"): if ASCIIBytes.equalsLowercase(name, count: count, "action") { self = .action; return }
            case UInt8(ascii: "h"):
                if ASCIIBytes.equalsLowercase(name, count: count, "height") { self = .height; return }
                if ASCIIBytes.equalsLowercase(name, count: count, "hidden") { self = .hidden; return }
            case UInt8(ascii: "p"): if ASCIIBytes.equalsLowercase(name, count: count, "poster") { self = .poster; return }
            default: break
            }
        case 7:
            if first == UInt8(ascii: "b"), ASCIIBytes.equalsLowercase(name, count: count, "bgcolor") { self = .bgcolor; return }
            if first == UInt8(ascii: "c"), ASCIIBytes.equalsLowercase(name, count: count, "content") { self = .content; return }
        case 8:
            if first == UInt8(ascii: "l"), ASCIIBytes.equalsLowercase(name, count: count, "longdesc") { self = .longdesc; return }
        case 10:
            switch first {
            case UInt8(ascii: "b"): if ASCIIBytes.equalsLowercase(name, count: count, "background") { self = .background; return }
            case UInt8(ascii: "f"): if ASCIIBytes.equalsLowercase(name, count: count, "formaction") { self = .formaction; return }
            case UInt8(ascii: "h"): if ASCIIBytes.equalsLowercase(name, count: count, "http-equiv") { self = .httpEquiv; return }
            default: break
            }
        default:
            break
        }
        return nil
    }
}
