import Foundation

/// Wraps a payload in the four MIME shapes the virus tests use, CRLF line ends throughout.
enum TestMessages {
    enum Shape: String, CaseIterable, CustomStringConvertible {
        /// multipart/mixed: a text part and the payload as a base64 attachment.
        case base64Attachment = "base64"
        /// The same, inside a message/rfc822 attached to the outer message.
        case insideAttachedMessage = "rfc822"
        /// multipart/mixed > multipart/alternative > multipart/related > the attachment.
        case nestedMultiparts = "nested"
        /// multipart/mixed with the payload as a quoted-printable attachment.
        case quotedPrintableAttachment = "qp"

        var description: String { rawValue }

        /// The MIME path of the attachment in the parsed message.
        var attachmentPath: String {
            switch self {
            case .base64Attachment, .quotedPrintableAttachment: "2"
            case .insideAttachedMessage: "2.1.2"  // MailMessage numbers the embedded root 2.1
            case .nestedMultiparts: "1.2.2"
            }
        }
    }

    static func message(_ payload: [UInt8], filename: String, shape: Shape) -> [UInt8] {
        let headers = bytes("From: Sender <sender@example.com>\r\nTo: rcpt@example.net\r\nSubject: test: \(filename) (\(shape))\r\n"
            + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\nMessage-ID: <\(shape)-\(filename)@example.com>\r\nMIME-Version: 1.0\r\n")
        let text = bytes("Content-Type: text/plain; charset=us-ascii\r\n\r\nPlease find the file attached.\r\n")
        switch shape {
        case .base64Attachment:
            return headers + mixed("outer", [text, base64Part(payload, filename)])
        case .quotedPrintableAttachment:
            return headers + mixed("outer", [text, quotedPrintablePart(payload, filename)])
        case .insideAttachedMessage:
            let inner = bytes("From: someone@example.org\r\nTo: sender@example.com\r\nSubject: the original\r\nMIME-Version: 1.0\r\n")
                + mixed("inner", [text, base64Part(payload, filename)])
            let attached = bytes("Content-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"forwarded.eml\"\r\n\r\n") + inner
            return headers + mixed("outer", [text, attached])
        case .nestedMultiparts:
            let html = bytes("Content-Type: text/html; charset=us-ascii\r\n\r\n<html><body><p>See the file.</p></body></html>\r\n")
            let related = bytes("Content-Type: multipart/related; boundary=\"rel\"\r\n\r\n") + body("rel", [html, base64Part(payload, filename)])
            let alternative = bytes("Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n") + body("alt", [text, related])
            return headers + mixed("outer", [alternative])
        }
    }

    /// multipart/mixed: a text part and two base64 attachments.
    static func twoAttachments(_ first: [UInt8], _ firstName: String, _ second: [UInt8], _ secondName: String) -> [UInt8] {
        let headers = bytes("From: Sender <sender@example.com>\r\nTo: rcpt@example.net\r\nSubject: two files\r\nMIME-Version: 1.0\r\n")
        let text = bytes("Content-Type: text/plain; charset=us-ascii\r\n\r\nTwo files.\r\n")
        return headers + mixed("outer", [text, base64Part(first, firstName), base64Part(second, secondName)])
    }

    static func base64Part(_ payload: [UInt8], _ filename: String) -> [UInt8] {
        bytes("Content-Type: application/octet-stream; name=\"\(filename)\"\r\nContent-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename=\"\(filename)\"\r\n\r\n")
            + Array(Data(payload).base64EncodedData(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])) + [13, 10]
    }

    static func quotedPrintablePart(_ payload: [UInt8], _ filename: String) -> [UInt8] {
        // No line break after the data: the one before the boundary belongs to the boundary,
        // and another would be a hard line break, two more bytes of payload.
        bytes("Content-Type: application/octet-stream; name=\"\(filename)\"\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            + "Content-Disposition: attachment; filename=\"\(filename)\"\r\n\r\n") + quotedPrintable(payload)
    }

    /// Quoted-printable for binary data: every byte outside printable ASCII (and "=") as =XX,
    /// soft line breaks before 76 columns.
    static func quotedPrintable(_ payload: [UInt8]) -> [UInt8] {
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        // Written through a pointer: the tests run unoptimised and encode megabytes.
        let capacity = payload.count * 3 + (payload.count * 3 / 72 + 1) * 3
        return [UInt8](unsafeUninitializedCapacity: capacity) { out, count in
            var at = 0, column = 0
            for byte in payload {
                let literal = byte >= 33 && byte <= 126 && byte != 61
                let width = literal ? 1 : 3
                if column + width > 75 {
                    out[at] = 61; out[at + 1] = 13; out[at + 2] = 10
                    at += 3
                    column = 0
                }
                if literal {
                    out[at] = byte
                } else {
                    out[at] = 61; out[at + 1] = hex[Int(byte >> 4)]; out[at + 2] = hex[Int(byte & 15)]
                }
                at += width
                column += width
            }
            count = at
        }
    }

    private static func mixed(_ boundary: String, _ parts: [[UInt8]]) -> [UInt8] {
        bytes("Content-Type: multipart/mixed; boundary=\"\(boundary)\"\r\n\r\nThis is a multi-part message in MIME format.\r\n") + body(boundary, parts)
    }

    private static func body(_ boundary: String, _ parts: [[UInt8]]) -> [UInt8] {
        var out: [UInt8] = []
        for (index, part) in parts.enumerated() {
            out += bytes((index == 0 ? "" : "\r\n") + "--\(boundary)\r\n")
            out += part
        }
        return out + bytes("\r\n--\(boundary)--\r\n")
    }

    private static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
}
