/// SpamAssassin's ImageInfo functions over the base64 GIF, PNG and JPEG parts.
enum ImageEvals {
    static func make(_ site: EvalCallSite) -> EvalImplementation? {
        let name = site.function
        switch name {
        case "image_count", "pixel_coverage":
            guard let type = site.text(0), let low = site.number(1) else { return .invalid(name, "needs a type and a minimum") }
            let high = site.number(2)
            let counting = name == "image_count"
            return .test { context in
                let table = counting ? context.images.counts : context.images.pixelCoverage
                return ImageSummary.inRange(table[type].map(Double.init), min: low, max: high)
            }
        case "image_to_text_ratio":
            guard let type = site.text(0), let low = site.number(1), let high = site.number(2) else {
                return .invalid(name, "needs a type, min and max")
            }
            let kind = site.kind
            return .test { context in
                // most messages have no image: look before counting the text
                guard let coverage = context.images.pixelCoverage[type], coverage > 0 else { return false }
                let textLength = BodyEvals.texts(for: kind, in: context).reduce(0) { $0 + MIMEStatistics.characterCount($1) }
                guard textLength > 0 else { return false }
                return ImageSummary.inRange(Double(textLength) / Double(coverage), min: low, max: high, excludeMax: true)
            }
        case "image_size_exact":
            guard let type = site.text(0), let height = site.text(1), let width = site.text(2) else {
                return .invalid(name, "needs a type, height and width")
            }
            return .test { $0.images.dimensions[type]?.contains("\(height)x\(width)") ?? false }
        case "image_size_range":
            guard let type = site.text(0), let minHeight = site.number(1), let minWidth = site.number(2) else {
                return .invalid(name, "needs a type, min height and min width")
            }
            let maxHeight = site.number(3), maxWidth = site.number(4)
            return .test { context in
                (context.images.dimensions[type] ?? []).contains { dimension in
                    let parts = dimension.split(separator: "x").compactMap { Double($0) }
                    guard parts.count == 2 else { return false }
                    let (height, width) = (parts[0], parts[1])
                    return height >= minHeight && width >= minWidth && (maxHeight.map { height <= $0 } ?? true)
                        && (maxWidth.map { width <= $0 } ?? true)
                }
            }
        case "image_named":
            guard let wanted = site.text(0) else { return .invalid(name, "needs a name") }
            return .test { $0.images.names.contains(wanted) }
        case "image_name_regex":
            guard let source = site.text(0), let pattern = try? PerlRegexConverter.convert(source),
                  let regex = try? CompiledRegex(bytes: pattern.source, options: RegexOptions(rawValue: pattern.options.rawValue)) else {
                return .invalid(name, "needs a regex")
            }
            return .test { $0.images.names.contains { regex.matches($0) } }
        default:
            return nil
        }
    }
}
