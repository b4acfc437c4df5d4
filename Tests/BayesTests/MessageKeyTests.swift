import MailMessage
import Testing
@testable import Bayes

@Suite struct MessageKeyTests {
    @Test func sameMessageSameKeyWhateverTheTransport() {
        let text = String(decoding: TestMessages.spam(4).raw, as: UTF8.self)
        let key = MessageKey(message: TestMessages.spam(4))
        let relayed = MailMessage(parsing: Array(("Received: from x.example by y.example; Tue, 3 Sep 2002 10:00:00 +0100\nX-Spam-Flag: YES\n" + text).utf8))
        let crlf = MailMessage(parsing: Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        #expect(MessageKey(message: relayed) == key)
        #expect(MessageKey(message: crlf) == key)
    }

    @Test func differentMessagesDifferentKeys() {
        #expect(MessageKey(message: TestMessages.spam(4)) != MessageKey(message: TestMessages.spam(5)))
        // No Message-ID: From, Date and Subject with the body identify it.
        let a = TestMessages.parse("From: a@example.com\nSubject: one\n\nbody\n")
        let b = TestMessages.parse("From: a@example.com\nSubject: two\n\nbody\n")
        #expect(MessageKey(message: a) != MessageKey(message: b))
    }

    @Test func hexRoundTrip() {
        let key = MessageKey(message: TestMessages.ham(3))
        #expect(key.description.count == 32)
        #expect(MessageKey(hex: key.description) == key)
        #expect(MessageKey(hex: "xyz") == nil)
    }
}
