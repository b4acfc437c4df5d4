import MailMessage
import Testing

@Suite struct HeaderRewriterTests {
    private func rewrite(_ text: String, removing: [String] = ["X-Spam-Flag"], adding: [(name: String, value: String)] = [("X-Spam-Flag", "YES")], prefix: String? = nil) -> String {
        let message = MailMessage(parsing: Array(text.utf8))
        return String(decoding: HeaderRewriter(message).rewrite(removing: removing, adding: adding, subjectPrefix: prefix), as: UTF8.self)
    }

    @Test func addsFieldsAtTheEndOfTheHeaderKeepingEveryOtherByte() {
        #expect(rewrite("From 1@x Mon Jan  1 00:00:00 2002\nSubject: a\nTo: b\n\nbody\n\n")
                == "From 1@x Mon Jan  1 00:00:00 2002\nSubject: a\nTo: b\nX-Spam-Flag: YES\n\nbody\n\n")
    }

    @Test func usesTheMessagesOwnCRLFLineEndsAndFoldsWithATab() {
        #expect(rewrite("Subject: a\r\n\r\nbody\r\n", adding: [("X-Spam-Status", "Yes,\nscore=9")])
                == "Subject: a\r\nX-Spam-Status: Yes,\r\n\tscore=9\r\n\r\nbody\r\n")
    }

    @Test func replacesExistingFieldsOfTheSameNameIncludingFoldedOnesNeverDuplicating() {
        #expect(rewrite("X-Spam-Flag: NO\nSubject: a\nx-spam-flag: maybe\n  folded\n\nbody", removing: ["X-Spam-Flag"])
                == "Subject: a\nX-Spam-Flag: YES\n\nbody")
    }

    @Test func prefixesTheSubjectAndAddsOneWhenMissing() {
        #expect(rewrite("Subject: hello\nTo: b\n\nx", prefix: "[SPAM]") == "Subject: [SPAM] hello\nTo: b\nX-Spam-Flag: YES\n\nx")
        #expect(rewrite("Subject:hello\n\nx", prefix: "[SPAM]") == "Subject: [SPAM] hello\nX-Spam-Flag: YES\n\nx")
        #expect(rewrite("To: b\n\nx", prefix: "[SPAM]") == "To: b\nX-Spam-Flag: YES\nSubject: [SPAM]\n\nx")
    }

    @Test func endsAnUnterminatedLastHeaderLineBeforeAdding() {
        #expect(rewrite("Subject: a") == "Subject: a\nX-Spam-Flag: YES\n")
    }

    @Test func inputThatIsNotMailComesOutWholeAfterTheAddedFields() {
        #expect(rewrite("just some text\nmore\n") == "X-Spam-Flag: YES\njust some text\nmore\n")
        #expect(rewrite("") == "X-Spam-Flag: YES\n")
    }
}
