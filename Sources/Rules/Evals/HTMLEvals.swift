import MailMessage

/// SpamAssassin's HTMLEval functions over the statistics of each text/html part: a rule hits
/// when any HTML part passes.
enum HTMLEvals {
    /// SpamAssassin's `html_all`: one entry per non-empty text/html leaf (embedded messages'
    /// too), parsed from the text as SpamAssassin decodes it; worked out with the body view.
    static func statistics(of context: EvalContext) -> [HTMLStatistics] {
        context.views.htmlScans.map(\.statistics)
    }

    static func make(_ site: EvalCallSite) -> EvalImplementation? {
        let name = site.function
        switch name {
        case "html_test":
            guard let test = site.text(0) else { return .invalid(name, "needs a test name") }
            return .test { $0.html.contains { $0.isTrue(test) } }
        case "html_range":
            guard let test = site.text(0), let low = site.number(1) else { return .invalid(name, "needs a test, min and max") }
            let maxText = site.text(2)
            let high: Double? = maxText == nil || maxText == "inf" ? nil : site.number(2)
            return .test { context in
                context.html.contains { html in
                    guard let value = html.number(test) else { return false }
                    guard let high else { return value > low }
                    return value > low && value <= high
                }
            }
        case "html_eval":
            guard let test = site.text(0), let expression = site.text(1), let compare = PerlNumber.comparison(expression) else {
                return .invalid(name, "needs a test and a comparison such as '< 384'")
            }
            return .test { $0.html.contains { $0.number(test).map(compare) ?? false } }
        case "html_tag_balance":
            guard let tag = site.text(0), !tag.isEmpty, tag.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
                  let expression = site.text(1), let compare = PerlNumber.comparison(expression) else {
                return .invalid(name, "needs a tag name and a comparison such as '!= 0'")
            }
            return .test { $0.html.contains { html in html.inside[tag].map { compare(Double($0)) } ?? false } }
        case "html_tag_exists":
            guard let tag = site.text(0) else { return .invalid(name, "needs a tag name") }
            return .test { $0.html.contains { $0.inside[tag] != nil } }
        case "html_image_only":
            guard let low = site.number(0), let high = site.number(1) else { return .invalid(name, "needs min and max") }
            return .test { context in
                context.html.contains { $0.inside["img"] != nil && Double($0.length) > low && Double($0.length) <= high }
            }
        case "html_image_ratio":
            guard let low = site.number(0), let high = site.number(1) else { return .invalid(name, "needs min and max") }
            return .test { context in
                context.html.contains { html in
                    guard html.imageArea > 0 else { return false }
                    let ratio = Double(html.nonSpaceLength) / Double(html.imageArea)
                    return ratio > low && ratio <= high
                }
            }
        case "html_text_match", "html_text_not_match":
            guard let list = site.text(0), let source = site.text(1) else { return .invalid(name, "needs a text name and a regex") }
            guard let regex = try? CompiledRegex(source) else { return .invalid(name, "invalid regex '\(source)'") }
            let wanted = name == "html_text_match"
            return .test { context in
                context.html.contains { html in
                    guard case .texts(let texts) = html.value(list) else { return false }
                    return texts.contains { regex.firstMatch(in: $0).isMatch == wanted }
                }
            }
        case "html_title_subject_ratio":
            guard let ratio = site.number(0) else { return .invalid(name, "needs a ratio") }
            return .test { context in
                let subject = context.scalar(.subject)
                guard !subject.isEmpty else { return false }
                let subjectLength = Double(subject.unicodeScalars.count)
                return context.html.contains { html in
                    let longest = html.titles.filter { !$0.isEmpty && $0 != [UInt8(ascii: "0")] }
                        .map { Double(MIMEStatistics.characterCount($0)) / subjectLength }.max() ?? 0
                    return longest > ratio
                }
            }
        case "html_charset_faraway":
            return .test { context in
                guard !context.configuration.okLocales.contains("all") else { return false }
                return context.html.contains { html in
                    guard let charsets = html.charsets else { return false }
                    let names = charsets.split(whereSeparator: \.isWhitespace).map(String.init)
                    let bad = names.filter { !context.configuration.charsetIsOK($0) }.count
                    return bad > 0 && bad >= names.count - bad
                }
            }
        case "check_iframe_src":
            return .test { $0.html.contains(where: \.iframeSource) }
        default:
            return nil
        }
    }
}
