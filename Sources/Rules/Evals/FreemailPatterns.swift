/// FreeMail's fixed patterns: role and bounce addresses that are never counted as freemail, and
/// bulk envelope senders for which the Reply-To check is skipped.
enum FreemailPatterns {
    private static let role = try! CompiledRegex(#"""
        ^(?:abuse|support|sales|info|helpdesk|contact|kontakt|(?:post|host|domain)master|undisclosed.*|request-[a-f0-9]{16}|bounced?-|[a-f0-9]{8}(?:\.[a-f0-9]{8}|-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})|.+=.+=.+)\@
        """#, options: .caseless)

    private static let bulkEnvelopeFrom = try! CompiledRegex(#"""
        (?:^(?:post|host|domain)master|^double-bounce|^(?:sentto|owner|return|(?:gr)?bounced?)-.+|-(?:request|bounces?|admin|owner)|\b(?:do[._-t]?)?no[._-t]?repl(?:y|ies)|.+=.+)\@
        """#, options: .caseless)

    static func isRoleAddress(_ email: String) -> Bool { role.firstMatch(in: Array(email.utf8)).isMatch }

    static func isBulkEnvelopeFrom(_ email: String) -> Bool { bulkEnvelopeFrom.firstMatch(in: Array(email.utf8)).isMatch }
}
