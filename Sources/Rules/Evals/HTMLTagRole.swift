/// The tags `HTMLStatisticsScanner` and `HTMLTextStyleStack` treat by name (tests, text
/// styles), known by their traits so that no name is compared as a String per tag.
enum HTMLTagRole: String, Sendable {
    case none = ""
    case a, basefont, big, body, div, embed, font, form, iframe, img, marquee, meta, object, p, script, small, span, style
    case table, td, th, title, tr
}
