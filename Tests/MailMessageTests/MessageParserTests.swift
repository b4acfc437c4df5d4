import MailMessage
import Testing

/// The parser's shortcuts give the answers the plain line-by-line reading gives: boundary lines
/// found from their dashes, header names shared between messages, duplicate fields counted.
@Suite struct MessageParserTests {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    @Test func delimitersOnlyAtLineStarts() {
        var input = Self.bytes("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n")
        input += Self.bytes("--b\n\none --b in the middle\n x--b\n--bb\n--b-\n-\n--\n")
        input += Self.bytes("--b \t\n\ntwo\n--b--\nepilogue\n")
        let message = MailMessage(parsing: input)
        #expect(message.leaves.map { $0.leaf?.decoded ?? [] } == [
            Self.bytes("one --b in the middle\n x--b\n--bb\n--b-\n-\n--"), Self.bytes("two"),
        ])
        #expect(message.root.content.multipartValue?.epilogue.elementsEqual(Self.bytes("epilogue\n")) == true)
        #expect(!message.defects.contains { $0.kind == .unclosedBoundary })
    }

    @Test func delimiterAtBodyStartAndAfterCRLFInCRMode() {
        // The first line break is a CR alone, so lines end at CR or CRLF.
        var input = Self.bytes("Subject: cr\rContent-Type: multipart/mixed; boundary=c\r\n\r\n")
        input += Self.bytes("--c\r\n\r\nfirst\n--c not a delimiter\r\n--c\r\n\r\nsecond\r--c--\r\n")
        let message = MailMessage(parsing: input)
        #expect(message.lineEnding == .cr)
        #expect(message.leaves.map { $0.leaf?.decoded ?? [] } == [
            Self.bytes("first\n--c not a delimiter"), Self.bytes("second"),
        ])
    }

    @Test func duplicateSingletonFieldsInAnyCase() {
        let input = Self.bytes("subject: one\nFrom: a@example.com\nSUBJECT: two\nTo: b@example.com\nfrom: c@example.com\nX-Mailer: m\n\nbody\n")
        let message = MailMessage(parsing: input)
        let details = message.defects.filter { $0.kind == .duplicateHeaderField }.map(\.detail)
        #expect(details == ["From", "Subject"])
        // Names keep the case they were written in, common names or not.
        #expect(message.headers.fields.map(\.name) == ["subject", "From", "SUBJECT", "To", "from", "X-Mailer"])
    }

    @Test func headerNamesKeptAsWritten() {
        let names = ["To", "Cc", "Date", "From", "Sender", "Subject", "List-Id", "Received", "X-Mailer", "Reply-To",
                     "Errors-To", "List-Help", "List-Post", "Message-Id", "Message-ID", "Precedence", "References",
                     "X-Priority", "Return-Path", "X-Beenthere", "In-Reply-To", "Delivered-To", "Content-Type",
                     "MIME-Version", "List-Archive", "List-Subscribe", "List-Unsubscribe", "X-Mailman-Version",
                     "Content-Transfer-Encoding", "X-Mailer2", "To2", "received", "CONTENT-TYPE", "Content-Typf", "X"]
        let input = Self.bytes(names.map { "\($0): v\n" }.joined() + "\nbody\n")
        #expect(MailMessage(parsing: input).headers.fields.map(\.name) == names)
    }
}

private extension MIMEContent {
    var multipartValue: Multipart? {
        if case .multipart(let multipart) = self { return multipart }
        return nil
    }
}
