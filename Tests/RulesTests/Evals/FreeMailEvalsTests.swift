import Testing
@testable import Rules

@Suite struct FreeMailEvalsTests {
    private let settings = "freemail_domains gmail.com yahoo.* hotmail.com\nfreemail_welcomelist friend@gmail.com"

    private func hits(_ eval: String, _ headers: String, body: String = "hello\n") -> Bool {
        EvalHarness.hits("header TEST eval:\(eval)", headers + "\n\n" + body, settings: settings)
    }

    @Test func fromAndHeaders() {
        #expect(hits("check_freemail_from()", "From: Joe <joe123@gmail.com>"))
        #expect(hits("check_freemail_from()", "From: Joe <joe@yahoo.co>"))
        #expect(!hits("check_freemail_from()", "From: Joe <joe@example.com>"))
        #expect(!hits("check_freemail_from()", "From: Friend <friend@gmail.com>"))
        // role addresses are not freemail senders
        #expect(!hits("check_freemail_from()", "From: <support@gmail.com>"))
        #expect(hits("check_freemail_header('Reply-To', '\\d@')", "From: a@example.com\nReply-To: joe123@gmail.com"))
        #expect(!hits("check_freemail_header('Reply-To', '\\d@')", "From: a@example.com\nReply-To: joe@gmail.com"))
    }

    @Test func replyToDiffersFromFrom() {
        #expect(hits("check_freemail_replyto('replyto')", "From: joe@gmail.com\nReply-To: other@hotmail.com"))
        #expect(!hits("check_freemail_replyto('replyto')", "From: joe@gmail.com\nReply-To: joe@gmail.com"))
        #expect(!hits("check_freemail_replyto('replyto')", "From: joe@example.com\nReply-To: boss@example.com"))
    }

    @Test func replyWithFreemailInBody() {
        #expect(hits("check_freemail_replyto('reply')", "From: joe@gmail.com", body: "write to mary@hotmail.com today\n"))
        #expect(!hits("check_freemail_replyto('reply')", "From: joe@gmail.com", body: "write to joe@gmail.com today\n"))
    }

    @Test func withoutFreemailDomainsNothingHits() {
        #expect(!EvalHarness.hits("header TEST eval:check_freemail_from()", "From: joe@gmail.com\n\nx\n"))
    }
}
