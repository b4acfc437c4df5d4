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
}
