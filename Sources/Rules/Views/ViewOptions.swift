/// Settings that shape the views, named after the SpamAssassin settings they mirror.
public struct ViewOptions: Sendable {
    /// `body_part_scan_size`: rendered text kept per part (0: all).
    public var bodyPartScanSize: Int
    /// `rawbody_part_scan_size`: decoded text kept per part (0: all).
    public var rawBodyPartScanSize: Int
    /// `util_rb_tld` (plus `util_rb_2tld`/`3tld` are not needed here): the top-level domains that
    /// make a schemeless host in plain text a URI. Lowercase, without dots.
    public var validTLDs: Set<String>
    /// `redirector_pattern`: regexes whose first capture is the target of a redirecting URI.
    public var redirectorPatterns: [CompiledRegex]
    /// `originating_ip_headers`: fields whose address counts as the first hop of the message's
    /// path, below its Received fields (X-Originating-IP…).
    public var originatingIPHeaders: [String] = []

    public init(bodyPartScanSize: Int = 50_000, rawBodyPartScanSize: Int = 500_000, validTLDs: Set<String> = ViewOptions.commonTLDs, redirectorPatterns: [CompiledRegex] = []) {
        self.bodyPartScanSize = bodyPartScanSize
        self.rawBodyPartScanSize = rawBodyPartScanSize
        self.validTLDs = validTLDs
        self.redirectorPatterns = redirectorPatterns
    }

    public static let `default` = ViewOptions()

    /// Used when the rule files give no `util_rb_tld` list: the generic TLDs mail mostly shows and
    /// every two-letter country code.
    public static let commonTLDs: Set<String> = {
        var tlds: Set<String> = [
            "com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "aero", "coop", "museum",
            "mobi", "asia", "tel", "travel", "jobs", "cat", "xxx", "xyz", "top", "online", "site", "club", "shop",
            "app", "dev", "io", "store", "tech", "live", "email", "click", "link", "work", "loan", "win", "bid",
            "stream", "download", "racing", "review", "date", "faith", "science", "party", "trade", "cricket",
            "accountant", "men", "space", "website", "icu", "vip", "fun", "cloud", "today", "world", "life",
        ]
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        for first in letters { for second in letters { tlds.insert(String([first, second])) } }
        return tlds
    }()
}
