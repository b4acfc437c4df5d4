import MailMessage
import Testing
@testable import Rules

/// `HeaderTextCache` answers "absent" for a plain field the message lacks without building the
/// text: every request must still give exactly what `SpamAssassinViews.headerText` gives.
@Suite struct HeaderTextCacheTests {
    static let message = """
        Received: from relay.example.net (relay.example.net [192.0.2.7])
        \tby mx.example.org with SMTP id abc123; Mon, 2 Jan 2023 10:00:00 +0000
        From: "Ann Example" <ann@example.com>
        To: undisclosed-recipients:;
        Cc: bob@example.org
        Subject: =?UTF-8?B?SGVsbG8=?= there
        Message-Id: <id1@example.com>
        X-Mailer: Test Mailer 1.0
        X-Empty:
        Date: Mon, 2 Jan 2023 10:00:00 +0000

        body

        """

    static let requests = [
        "From", "From:addr", "From:name", "From:raw", "To", "To:addr", "To:name", "Cc:addr", "ToCc", "tocc", "Subject",
        "Subject:raw", "subject", "SUBJECT:first", "Message-Id", "MESSAGEID", "messageid", "X-Mailer", "x-mailer:last",
        "X-Empty", "X-Empty:addr", "Missing", "Missing:addr", "Missing:raw", "Reply-To:name", "ALL", "all", "ALL:raw",
        "ALL-EXTERNAL", "ALL-TRUSTED", "all-untrusted", "EnvelopeFrom", "envelopefrom:addr", "X-Spam-Relays-External",
        "X-Spam-Relays-Untrusted", "x-spam-relays-trusted", "X-Spam-Relays-Other", "Received", "Received:first", "Date",
    ]

    @Test func textsAndPresenceMatchTheViews() {
        let views = SpamAssassinViews(message: MailMessage(parsing: Array(Self.message.utf8)))
        let requests = Self.requests.map { HeaderRequest(parsing: $0) }
        let presence = HeaderFieldPresence(requests: requests)
        var cache = HeaderTextCache(views: views, requests: requests, presence: presence)
        var fresh = HeaderTextCache(views: views, requests: requests, presence: presence)
        var absentPlainFields = 0
        for (slot, request) in requests.enumerated() {
            let expected = views.headerText(request)
            #expect(cache.text(slot) == expected, "\(request)")
            #expect(fresh.hasText(slot) == (expected != nil), "\(request)")
            if expected == nil && presence.fieldOfSlot[slot] >= 0 { absentPlainFields += 1 }
        }
        #expect(absentPlainFields >= 4)
    }

    @Test func pseudoHeadersAreNeverTakenForFields() {
        let requests = ["ALL", "all-external", "ToCc", "MESSAGEID", "EnvelopeFrom", "X-Spam-Relays-Internal", "From"]
        let presence = HeaderFieldPresence(requests: requests.map { HeaderRequest(parsing: $0) })
        #expect(presence.fieldOfSlot.prefix(6).allSatisfy { $0 < 0 })
        #expect(presence.fieldOfSlot[6] >= 0)
    }
}
