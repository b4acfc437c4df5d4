import Testing
@testable import Rules

@Suite struct ListEvalsTests {
    private let settings = """
        enlist_addrlist (BANKS) *@bank.example *@*.bank.example
        welcomelist_from boss@example.com
        blocklist_from *@spammer.example
        unwelcomelist_from gone@example.com
        welcomelist_from gone@example.com
        blocklist_to trap@example.org
        blocklist_subject *viagra*
        """

    private func hits(_ eval: String, _ headers: String) -> Bool {
        EvalHarness.hits("header TEST eval:\(eval)", headers + "\n\nbody\n", settings: settings)
    }

    @Test func namedLists() {
        #expect(hits("check_from_in_list('BANKS')", "From: alerts@bank.example"))
        #expect(hits("check_from_in_list('BANKS')", "From: alerts@secure.BANK.example"))
        #expect(!hits("check_from_in_list('BANKS')", "From: alerts@bank.example.evil"))
        #expect(!hits("check_from_in_list('NOSUCHLIST')", "From: alerts@bank.example"))
        #expect(hits("check_replyto_in_list('BANKS')", "From: a@x.example\nReply-To: r@bank.example"))
    }

    @Test func welcomeAndBlockLists() {
        #expect(hits("check_from_in_welcomelist()", "From: Boss <boss@example.com>"))
        #expect(hits("check_from_in_whitelist()", "From: Boss <boss@example.com>"))
        #expect(!hits("check_from_in_welcomelist()", "From: other@example.com"))
        #expect(hits("check_from_in_blocklist()", "From: x@spammer.example"))
        #expect(hits("check_to_in_blocklist()", "From: a@b.example\nTo: trap@example.org"))
        #expect(hits("check_subject_in_blocklist()", "Subject: Cheap VIAGRA here"))
        #expect(!hits("check_subject_in_blocklist()", "Subject: hello"))
    }

    @Test func globsMatchWholeAddresses() {
        #expect(AddressList.glob(Array("*@x.com".utf8)[...], matches: Array("a@x.com".utf8)[...]))
        #expect(AddressList.glob(Array("a?c@x.com".utf8)[...], matches: Array("abc@x.com".utf8)[...]))
        #expect(!AddressList.glob(Array("*@x.com".utf8)[...], matches: Array("a@x.com.evil".utf8)[...]))
    }

    /// Exact and `*suffix` patterns skip the glob; every shape answers as the glob does.
    @Test func patternShapesAgreeWithTheGlob() {
        let patterns = ["friend@isp.com", "*@x.com", "*@*.paypal.com", "a?c@x.com", "*", "**@x.com", "*x", ""]
        let addresses = ["friend@isp.com", "friend@isp.co", "a@x.com", "a@x.com.evil", "me@www.paypal.com", "abc@x.com", "x", "", "@x.com"]
        for pattern in patterns {
            let shape = AddressList.Pattern(Array(pattern.utf8))
            for address in addresses {
                let expected = AddressList.glob(Array(pattern.utf8)[...], matches: Array(address.utf8)[...])
                #expect(shape.matches(Array(address.utf8)) == expected, "\(pattern) ~ \(address)")
            }
        }
        if case .suffix = AddressList.Pattern(Array("*@x.com".utf8)) {} else { Issue.record("*@x.com is not a suffix pattern") }
        if case .exact = AddressList.Pattern(Array("a@x.com".utf8)) {} else { Issue.record("a@x.com is not an exact pattern") }
    }

    /// Exact patterns sit in a set, the others in a table: adding, removing (any case) and
    /// matching answer as one glob per pattern does.
    @Test func listAddsAndRemovesEveryShape() {
        var list = AddressList()
        #expect(list.isEmpty)
        for pattern in ["Friend@ISP.com", "*@x.com", "a?c@y.com"] { list.add(pattern) }
        #expect(list.contains("friend@isp.com") && list.contains("Q@X.COM") && list.contains("abc@y.com"))
        #expect(!list.contains("friend@isp.co") && !list.contains("ac@y.com"))
        list.remove("FRIEND@isp.com")
        list.remove("*@X.com")
        #expect(!list.contains("friend@isp.com") && !list.contains("q@x.com") && list.contains("abc@y.com"))
        list.remove("a?c@Y.com")
        #expect(list.isEmpty)
    }

    @Test func listsIgnoreCaseOfNonASCIIAddresses() {
        var list = AddressList()
        list.add("*@EXAMPLE.com")
        list.add("ÉLAN@x.com")
        #expect(list.contains("Bob@Example.COM"))
        #expect(list.contains("élan@X.com"))
        #expect(AddressList.lowercasedBytes("ÉLAN@X.com") == Array("élan@x.com".utf8))
        list.remove("*@example.COM")
        #expect(!list.contains("bob@example.com"))
    }
}
