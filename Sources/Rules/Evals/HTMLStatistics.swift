/// What SpamAssassin's HTML parser records about one text/html part, the values the HTMLEval
/// functions test by name (`html_test('embeds')`, `html_range('max_size', …)`…). Built by
/// `HTMLStatisticsScanner` from the part's source.
struct HTMLStatistics: Sendable {
    /// A named result: a number, a list of texts (comments, titles, anchors, scripts), or absent.
    enum Value {
        case number(Double)
        case texts([[UInt8]])
    }

    /// Characters of HTML source.
    var length = 0
    var imageArea = 0
    var maxSize = 3
    var minSize = 3
    var tags = 0
    var elements = 0
    var tagsSeen = 0
    var elementsSeen = 0
    var closedExtra = 0
    var obfuscation = 0
    /// Open count per tag name (start tags minus end tags, never below 0); a name is present
    /// once any start or end tag of it was seen.
    var inside: [String: Int] = [:]
    var comments: [[UInt8]] = []
    var titles: [[UInt8]] = []
    var anchors: [[UInt8]] = []
    var scripts: [[UInt8]] = []
    /// Charsets named by `<meta http-equiv="Content-Type">`, space-separated.
    var charsets: String?
    /// Non-white-space characters of the rendered text.
    var nonSpaceLength = 0
    var fontLowContrast = false
    var fontInvalidColor = false
    var fontFaceBad = false
    var formActionMailto = false
    var embeds = false
    var uriTruncated = false
    /// An `<iframe src>` with a non-empty source.
    var iframeSource = false
    /// SpamAssassin's rendered text of the part (`get_rendered_text`): every text piece, hidden
    /// ones too, with the white space its block tags insert, as UTF-8.
    var rendered: [UInt8] = []

    /// The result `name` as SpamAssassin stores it, nil when it has none.
    func value(_ name: String) -> Value? {
        switch name {
        case "html": return .number(1)
        case "length": return .number(Double(length))
        case "image_area": return .number(Double(imageArea))
        case "max_size": return .number(Double(maxSize))
        case "min_size": return .number(Double(minSize))
        case "non_space_len": return .number(Double(nonSpaceLength))
        case "closed_extra_ratio": return tags > 0 ? .number(Double(closedExtra) / Double(tags)) : nil
        case "bad_tag_ratio": return tags > 0 ? .number(Double(tags - elements) / Double(tags)) : nil
        case "non_element_ratio": return tagsSeen > 0 ? .number(Double(tagsSeen - elementsSeen) / Double(tagsSeen)) : nil
        case "obfuscation_ratio": return tags > 0 && obfuscation > 0 ? .number(Double(obfuscation) / Double(tags)) : nil
        case "comment": return comments.isEmpty ? nil : .texts(comments)
        case "title": return titles.isEmpty ? nil : .texts(titles)
        case "anchor": return anchors.isEmpty ? nil : .texts(anchors)
        case "script": return scripts.isEmpty ? nil : .texts(scripts)
        case "font_low_contrast": return fontLowContrast ? .number(1) : nil
        case "font_invalid_color": return fontInvalidColor ? .number(1) : nil
        case "font_face_bad": return fontFaceBad ? .number(1) : nil
        case "form_action_mailto": return formActionMailto ? .number(1) : nil
        case "embeds": return embeds ? .number(1) : nil
        case "uri_truncated": return uriTruncated ? .number(1) : nil
        default: return nil
        }
    }

    /// Perl truth of the result: a non-zero number or any list.
    func isTrue(_ name: String) -> Bool {
        switch value(name) {
        case .number(let number): number != 0
        case .texts: true
        case nil: false
        }
    }

    func number(_ name: String) -> Double? {
        if case .number(let number) = value(name) { return number }
        return nil
    }
}
