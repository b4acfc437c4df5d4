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

    /// Fields given more than once: texts joined from several values.
    static let repeatedFields = """
        Received: from a.example.net by b.example.org; Mon, 2 Jan 2023 10:00:00 +0000
        Received: from c.example.net (c [192.0.2.9])
        \tby a.example.net; Mon, 2 Jan 2023 09:59:00 +0000
        From: ann@example.com, "B" <b@example.com>
        To: x@example.com
        To: "Y Z" <y@example.com>, w@example.com
        Cc: caf\u{E9} <c@example.com>
        Subject: one
        Subject: two
        X-Mailer: a
        X-mailer: b

        body

        """

    static let requests = [
        "From", "From:addr", "From:name", "From:raw", "To", "To:addr", "To:name", "Cc:addr", "ToCc", "tocc", "Subject",
        "Subject:raw", "subject", "SUBJECT:first", "Message-Id", "MESSAGEID", "messageid", "X-Mailer", "x-mailer:last",
        "X-Empty", "X-Empty:addr", "Missing", "Missing:addr", "Missing:raw", "Reply-To:name", "ALL", "all", "ALL:raw",
        "ALL-EXTERNAL", "ALL-TRUSTED", "all-untrusted", "EnvelopeFrom", "envelopefrom:addr", "X-Spam-Relays-External",
        "X-Spam-Relays-Untrusted", "x-spam-relays-trusted", "X-Spam-Relays-Other", "Received", "Received:first", "Date",
        // `:addr` and `:name` of one field share its parsed address list: asked in both orders
        "Cc:name", "Cc:raw:name", "To:name:last", "To:addr:first", "Cc:addr", "from:raw:name", "To:raw:name", "ToCc:name",
    ]

    @Test(arguments: [message, repeatedFields])
    func textsAndPresenceMatchTheViews(message: String) {
        let views = SpamAssassinViews(message: MailMessage(parsing: Array(message.utf8)))
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

    /// The values kept for the evals are the views' own values for every request read.
    @Test(arguments: [message, repeatedFields])
    func valuesSeenMatchTheViews(message: String) {
        let views = SpamAssassinViews(message: MailMessage(parsing: Array(message.utf8)))
        let requests = Self.requests.map { HeaderRequest(parsing: $0) }
        var cache = HeaderTextCache(views: views, requests: requests, presence: HeaderFieldPresence(requests: requests))
        for slot in requests.indices { _ = cache.text(slot) }
        let slots = Dictionary(requests.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let seen = cache.seen(slotByRequest: slots)
        var found = 0
        for request in requests {
            guard let values = seen.values(for: request) else { continue }
            found += 1
            #expect(values == views.headers.values(for: request, envelopeFrom: views.envelopeFrom), "\(request)")
        }
        #expect(found >= 10)
        #expect(HeaderValuesSeen.none.values(for: requests[0]) == nil)
    }

    @Test func pseudoHeadersAreNeverTakenForFields() {
        let requests = ["ALL", "all-external", "ToCc", "MESSAGEID", "EnvelopeFrom", "X-Spam-Relays-Internal", "From"]
        let presence = HeaderFieldPresence(requests: requests.map { HeaderRequest(parsing: $0) })
        #expect(presence.fieldOfSlot.prefix(6).allSatisfy { $0 < 0 })
        #expect(presence.fieldOfSlot[6] >= 0)
    }
}
