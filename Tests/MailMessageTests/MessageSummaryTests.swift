import MailMessage
import Testing

@Suite struct MessageSummaryTests {
    static func summary(_ text: String) -> [String] {
        MessageSummary(MailMessage(parsing: Array(text.utf8))).text.split(separator: "\n").map(String.init)
    }

    @Test func hashIsFNV1a64() {
        // Published FNV-1a 64-bit vectors: "" → cbf29ce484222325, "a" → af63dc4c8601ec8c,
        // "foobar" → 85944171f73967e8.
        #expect(Self.summary("\n").contains("part root text/plain(default) enc=7bit charset=us-ascii decoded=0 bytes sha=cbf29ce48422"))
        #expect(Self.summary("\na").contains("part root text/plain(default) enc=7bit charset=us-ascii decoded=1 bytes sha=af63dc4c8601"))
        #expect(Self.summary("\nfoobar").contains("part root text/plain(default) enc=7bit charset=us-ascii decoded=6 bytes sha=85944171f739"))
    }

    @Test func headLinesComeFirst() {
        let lines = Self.summary("From a@b Mon Jan  1 00:00:00 2024\r\nSubject: Hi\r\nFrom: x@example.com\r\n\r\nbody\r\n")
        #expect(Array(lines.prefix(5)) == [
            "line-ending: crlf",
            "mbox-from: From a@b Mon Jan  1 00:00:00 2024",
            "headers: 2",
            "subject: Hi",
            "from: x@example.com",
        ])
        #expect(Self.summary("\n").prefix(4) == ["line-ending: lf", "headers: 0", "subject: (none)", "from: (none)"])
    }

    @Test func textIsQuotedEscapedAndCut() {
        let body = "tab\there \"quoted\" back\\slash\u{1}\r\n" + String(repeating: "x", count: 100)
        let lines = Self.summary("Subject: s\n\n" + body)
        let count = body.unicodeScalars.count  // 31 scalars before the x run, so 29 x fit in 60
        #expect(lines.contains("text root: \"tab\\there \\\"quoted\\\" back\\\\slash\\u{1}\\r\\n\(String(repeating: "x", count: 29))\" (\(count) chars)"))
    }

    @Test func partsAreIndentedByDepthInTreeOrder() {
        let message = """
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=o

            --o
            Content-Type: multipart/alternative; boundary=i

            --i
            Content-Type: text/plain; charset=us-ascii

            one
            --i--
            --o
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename=f.bin

            two
            --o--

            """
        let parts = Self.summary(message).filter { $0.trimmingPrefix(while: { $0 == " " }).hasPrefix("part ") }
        #expect(parts.count == 4)
        #expect(parts[0].hasPrefix("part root multipart/mixed enc=7bit boundary=\"o\" parts=2"))
        #expect(parts[1].hasPrefix("  part 1 multipart/alternative enc=7bit boundary=\"i\" parts=1"))
        #expect(parts[2].hasPrefix("    part 1.1 text/plain enc=7bit charset=us-ascii decoded=3 bytes"))
        #expect(parts[3].hasPrefix("  part 2 application/octet-stream enc=7bit disp=attachment filename=\"f.bin\" decoded=3 bytes"))
    }

    @Test func defectsAreSortedByPartThenName() {
        let message = """
            Subject: one
            Subject: two
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: broken

            x
            --b
            Content-Type: nonsense

            y

            """
        let defects = Self.summary(message).filter { $0.hasPrefix("defect: ") }
        #expect(defects == [
            "defect: duplicate_header_field(Subject)",
            "defect: missing_mime_version",
            "defect: unclosed_boundary(b)",
            "defect: malformed_content_type@1(Content-Type)",
            "defect: malformed_content_type@2(Content-Type)",
        ])
    }

    @Test func embeddedMessagesShowTheirSubjectAndSender() {
        let message = """
            MIME-Version: 1.0
            Content-Type: message/rfc822

            From: inner@example.org
            Subject: inside

            hello

            """
        let lines = Self.summary(message)
        #expect(lines.contains("part root message/rfc822 enc=7bit"))
        #expect(lines.contains("  subject 1: inside"))
        #expect(lines.contains("  from 1: inner@example.org"))
        #expect(lines.contains { $0.hasPrefix("  part 1 text/plain(default) enc=7bit charset=us-ascii decoded=6 bytes") })
    }

    @Test func sameMessageSameSummary() {
        let text = "Subject: x\nContent-Type: text/plain; charset=us-ascii\n\nbody\n"
        #expect(Self.summary(text) == Self.summary(text))
    }
}
