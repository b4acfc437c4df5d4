import MailMessage
import Testing
@testable import Rules

/// `HeaderView.text(for:)` builds `ALL` in one buffer, hands `ALL:raw` and single values back
/// without copying, and appends the relay-part texts directly: each must give the bytes the
/// join of `values(for:)` (and the String-built lines) gave, CRLF, folding, RFC 2047 words and
/// 8-bit values included.
@Suite struct HeaderViewTextTests {
    static let message: [UInt8] = Array((
        "Received: from mx.example.com (mx.example.com [10.0.0.1])\r\n\tby in.example.com; Mon, 1 Jan 2024 00:00:00 +0000\r\n"
            + "Received: from evil.example (evil.example [203.0.113.5])\r\n by mx.example.com; Mon, 1 Jan 2024 00:00:00 +0000\r\n"
            + "From: =?UTF-8?B?SsO2cmc=?= <jorg@example.com>\r\n"
            + "To: a@example.com,\r\n b@example.org\r\n"
            + "Subject: =?ISO-8859-1?Q?Caf=E9?=\r\n  folded\r\n"
            + "Subject: second\r\n"
            + "X-Empty:\r\n"
            + "X-Latin: caf").utf8) + [0xE9] + Array("\r\nContent-Type: text/plain\r\n\r\nbody\r\n".utf8)

    private let views = SpamAssassinViews(message: MailMessage(parsing: HeaderViewTextTests.message))

    /// The text as `text(for:)` made it before: every value, joined with "\n" unless the first
    /// ends in one.
    private func joinedValues(_ request: HeaderRequest) -> [UInt8]? {
        let values = views.headers.values(for: request, envelopeFrom: views.envelopeFrom)
        guard let first = values.first else { return nil }
        let separator: [UInt8] = first.last == 0x0A ? [] : [0x0A]
        var joined: [UInt8] = []
        for (index, value) in values.enumerated() {
            if index > 0 { joined += separator }
            joined += value
        }
        return joined
    }

    /// `ALL-TRUSTED`…`ALL-EXTERNAL` as the String-built lines gave them.
    private func relayPart(keepingLaterPart: Bool, raw: Bool) -> [UInt8]? {
        let boundary = (views.headers.relays?.lastTrustedIndex ?? -1) + 1
        var lines: [UInt8] = []
        var receivedIndex = -1
        for field in views.headers.fields {
            if field.lowercasedName == "received" { receivedIndex += 1 }
            if keepingLaterPart {
                guard receivedIndex >= boundary else { continue }
            } else if receivedIndex > boundary {
                break
            }
            lines += Array("\(field.name):".utf8)
            lines += raw ? field.raw : Array(" \(field.decoded)\n".utf8)
            if !keepingLaterPart, receivedIndex == boundary { break }
        }
        return lines.isEmpty ? nil : lines
    }

    @Test func everyRequestGivesTheJoinedValues() {
        let requests = ["ALL", "ALL:raw", "Subject", "Subject:raw", "Subject:first", "Subject:last", "From", "From:raw",
                        "From:addr", "From:name", "To", "To:addr", "ToCc", "Received", "Received:raw", "X-Empty", "X-Latin",
                        "X-Latin:raw", "X-Missing", "MESSAGEID", "X-Spam-Relays-External", "X-Spam-Relays-Trusted"]
        for name in requests {
            let request = HeaderRequest(parsing: name)
            #expect(views.headers.text(for: request, envelopeFrom: views.envelopeFrom) == joinedValues(request), "\(name)")
        }
    }

    @Test func allIsEveryDecodedFieldInOrder() {
        let all = views.headerText("ALL").map { String(decoding: $0, as: UTF8.self) }
        #expect(all?.contains("From: J\u{F6}rg <jorg@example.com>\n") == true)
        #expect(all?.contains("Subject: Caf\u{E9} folded\nSubject: second\n") == true)
        #expect(all?.contains("X-Latin: caf\u{E9}\n") == true)
        #expect(all?.contains("\r") == false)
    }

    @Test func allRawIsTheSectionAsWritten() {
        let raw = views.headerText("ALL:raw")
        #expect(raw?.contains(0xE9) == true)
        #expect(raw.map { String(decoding: $0, as: UTF8.self) }?.hasPrefix("Received: from mx.example.com") == true)
        #expect(raw?.last == 0x0A)
    }

    @Test func relayPartsAgreeWithTheStringBuiltLines() {
        #expect(views.headers.relays?.lastTrustedIndex == 0)
        for raw in [false, true] {
            let suffix = raw ? ":raw" : ""
            #expect(views.headerText("ALL-EXTERNAL" + suffix) == relayPart(keepingLaterPart: true, raw: raw))
            #expect(views.headerText("ALL-UNTRUSTED" + suffix) == relayPart(keepingLaterPart: true, raw: raw))
            #expect(views.headerText("ALL-TRUSTED" + suffix) == relayPart(keepingLaterPart: false, raw: raw))
            #expect(views.headerText("ALL-INTERNAL" + suffix) == relayPart(keepingLaterPart: false, raw: raw))
        }
        let external = views.headerText("ALL-EXTERNAL:raw").map { String(decoding: $0, as: UTF8.self) }
        #expect(external?.hasPrefix("Received: from evil.example (evil.example [203.0.113.5])\n by mx.example.com;") == true)
    }

    @Test func rawValueDropsCarriageReturnsOnly() {
        let field = views.headers.fields.first { $0.lowercasedName == "to" }
        var appended: [UInt8] = [0x41]
        field?.appendRaw(to: &appended)
        #expect(appended == [0x41] + Array(" a@example.com,\n b@example.org\n".utf8))
        #expect(field?.raw == Array(" a@example.com,\n b@example.org\n".utf8))
    }

    @Test func emptySectionHasNoAllText() {
        let views = SpamAssassinViews(message: MailMessage(parsing: Array("\nbody only\n".utf8)))
        #expect(views.headers.fields.isEmpty)
        #expect(views.headers.text(for: HeaderRequest(name: "ALL")) == nil)
    }
}
