/// Received layouts that describe no network hop worth a relay (local submission, an MTA or
/// scanner logging a hand-over to itself, fetchers, gateways that record no address), which
/// SpamAssassin skips instead of counting as unparseable. Matched against the field's text after
/// the leading `from ` and the trailing date are removed, and only when no relay could be read.
enum IgnorableReceivedLine {
    private static let localhost = #"(?i:localhost(?:\.localdomain)?|127\.0\.0\.1|(?:IPv6:)?(?:::1|0:0:0:0:0:0:0:1))"#

    private static let patterns: [CompiledRegex] = [
        #"^mail pickup service by \S+ with Microsoft SMTPSVC$"#,
        #"^\S+ by \S+ with BSMTP"#,
        #"^\S+ \(\S+\) by \S+ \(Content Technologies "#,
        #"^\S+ \([^\s@]+@"# + localhost + #"\) by \S+ \("#,
        #"^\S+ \S+ by \S+ with local-e?smtp "#,
        #"^127\.0\.0\.1 \(AVG SMTP \S+ \[\S+\]\)"#,
        #"^\S+@\S+ by \S+ "#,
        #"^Unknown/Local \("#,
        "^" + localhost + #" \((?:\S+@)?"# + localhost + #"[)\[]"#,
        #"^\S+ \((?:\S+@)?"# + localhost + #"\) "#,
        #"^\S+ \(\S+@\S+ \["# + localhost + #"\]\) "#,
        #"^\(AUTH: \S+\) by \S+ with "#,
        #"^localhost \(localhost \[\[UNIX: localhost\]\]\) by "#,
        #"^\S+\.amazon\.com by \S+\.amazon\.com with ESMTP \(peer crosscheck: "#,
        #"^[^.]+ by \S+ with Novell_GroupWise"#,
        #"^\S+ by \S+ \(.{0,100}\) with qmail-scanner"#,
        #"^\S+ by \S+ with local"#,
        #"^\S+ \(\[unix socket\]\) by \S+ \(Cyrus v[0-9]*?\.[0-9]*?\.[0-9]*?\) with LMTPA"#,
        #"^\S+ by \S+ (?:with|via|for|\()"#,
        #"^\S+ (?:(?:with|via|for) \S+|\(unverified\)) by\b"#,
        #"^\S+ \(unknown\) by \S+ \(SG\) with \b"#,
        #"^\S+ \(\S+ \[local\]\) by \S+ \(OpenSMTPD\) with \b"#,
        #"\(LSMTP for"#,
        #"^\(\["# + localhost + #"\]\) with MailEnable "#,
        #"^facebook\.com \([^)]+\) by facebook\.com with Thrift id \S+$"#,
        #"^\S+ named \S+ by gmailapi\.google\.com with HTTPREST$"#,
        #"^\S+ id \S+$"#,
        #"^\[<.*? \(Jetsend"#,
        #"^\S+@localhost\) by \S+ "#,
        #"^[^\s@]+@[^)]+\) by \S+\(jqueuemail\) id [^\s;]+"#,
    ].map { source in
        // The patterns are constants written here; one that failed to compile is a programming error.
        try! CompiledRegex(source)
    }

    /// All the patterns as one alternation (none refers to a group by number): when it finds
    /// nothing, none of them matches, and the thirty searches are skipped. Nil if PCRE2 refused it.
    private static let union = try? CompiledRegex(patterns.map { "(?:\($0.pattern))" }.joined(separator: "|"))

    /// `patterns.contains { $0.isMatch(in: text) }`, ruled out by one search when `uniting`
    /// (false only to test that it changes nothing).
    static func anyPatternMatches(_ text: UnsafeBufferPointer<UInt8>, uniting: Bool = true) -> Bool {
        if uniting, let union, case .noMatch = union.firstMatch(in: text) { return false }
        return patterns.contains { $0.isMatch(in: text) }
    }

    /// Exim's local submissions (`with local`, `with local-bsmtp`, ...), skipped in Exim fields only.
    private static let eximLocal = try! CompiledRegex(#"\bwith local(?:-\S+)? "#)

    /// `matches` for an ASCII field's bytes (where the search for "Exim" is byte for byte).
    static func matches(bytes afterFrom: UnsafeBufferPointer<UInt8>) -> Bool {
        let exim = UnsafeBufferPointer(start: ("Exim" as StaticString).utf8Start, count: 4)
        if ReceivedLineParser.firstOffset(of: exim, in: afterFrom) != nil, eximLocal.isMatch(in: afterFrom) { return true }
        return anyPatternMatches(afterFrom)
    }

    /// `afterFrom`: the field with `from ` (or `(from `) and the trailing date removed.
    static func matches(_ afterFrom: String) -> Bool {
        let bytes = Array(afterFrom.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            if ReceivedLineParser.firstRange(of: "Exim", in: afterFrom) != nil, eximLocal.isMatch(in: buffer) { return true }
            return anyPatternMatches(buffer)
        }
    }
}
