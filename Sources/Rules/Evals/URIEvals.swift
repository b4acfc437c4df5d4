/// URIEval: links whose text names an https address while pointing at a bare IP, URIs cut at
/// SpamAssassin's length limit, and redirectors.
enum URIEvals {
    static func make(_ site: EvalCallSite) -> EvalImplementation? {
        switch site.function {
        case "check_https_ip_mismatch":
            return .test { context in
                context.parts.contains { part in
                    (part.leaf?.html?.anchors ?? []).contains { anchor in
                        ipLink.matches(anchor.href) && !httpsIPText.matches(anchor.text) && httpsText.matches(anchor.text)
                    }
                }
            }
        case "check_uri_truncated":
            return .test { $0.html.contains(where: \.uriTruncated) }
        case "check_for_http_redirector":
            return .test { context in
                context.views.uris.contains { uri in
                    var text = uri
                    while let groups = redirector.captureGroups(in: text), groups.count > 3, let redirect = groups[1],
                          let rest = groups[2], let destination = groups[3] {
                        let tlds = context.configuration.validTLDs
                        let from = RegistryDomains.trim(ASCII.string(text[redirect]), tlds: tlds)
                        let to = RegistryDomains.trim(ASCII.string(text[destination]), tlds: tlds)
                        if from != to { return true }
                        text = Array(text[rest])
                    }
                    return false
                }
            }
        default:
            return nil
        }
    }

    private static let ipLink = try! CompiledRegex(#"^https?:/*(?:[^\@/]+\@)?\d+\.\d+\.\d+\.\d+"#, options: .caseless)
    private static let httpsIPText = try! CompiledRegex(#"^https:/*(?:[^\@/]+\@)?\d+\.\d+\.\d+\.\d+"#, options: .caseless)
    private static let httpsText = try! CompiledRegex("https:", options: .caseless)
    private static let redirector = try! CompiledRegex(#"^https?://([^/:\?]+).+?(https?:/{0,2}?([^/:\?]+).*)$"#, options: .caseless)
}
