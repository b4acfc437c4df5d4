import MailMessage
import Testing
@testable import Rules

/// The eval paths that look fields up by the header view's name index, count words on slices
/// of their text, name MIME statistics by an enum and find header line ends with memchr answer
/// as the scans and String paths they replaced, on generated input.
@Suite struct EvalIndexedLookupsTests {
    /// Headers with Date and Resent-Date fields in any case, order and validity.
    private func sampleHeaderSections() -> [String] {
        let names = ["Date", "date", "DATE", "Resent-Date", "resent-DATE", "X-Date", "Dates", "Subject"]
        let values = ["Mon, 2 Sep 2002 10:00:00 +0000", "3 Sep 2002 11:00:00 -0330 (EDT)", "", "garbage", "Tue, 4 Sep 2002 12:00"]
        var generator = SplitMix(seed: 0xDA7E_1DE8)
        return (0..<400).map { _ in
            (0..<generator.next(below: 6)).map { _ in
                "\(names[generator.next(below: names.count)]): \(values[generator.next(below: values.count)])\n"
            }.joined()
        }
    }

    /// `DateSummary.headerTime` as it was: every field scanned for each name.
    private func headerTimeByScan(_ fields: [HeaderField]) -> Int? {
        for name in ["Resent-Date", "Date"] {
            for field in fields where field.hasName(name) {
                if let time = DateSummary.headerDate(field) { return time }
            }
        }
        return nil
    }

    @Test func headerTimeFromTheNameIndexMatchesTheFieldScan() {
        var found = 0
        for section in sampleHeaderSections() {
            let message = MailMessage(parsing: Array((section + "From: a@example.com\n\nbody\n").utf8))
            let views = SpamAssassinViews(message: message)
            let expected = headerTimeByScan(message.headers.fields)
            if expected != nil { found += 1 }
            #expect(DateSummary.headerTime(views.headers, fields: message.headers.fields) == expected, "\(section.debugDescription)")
        }
        #expect(found > 100)
    }

    @Test func requestNameIndexKeyMatchesTheViewLookup() {
        let message = MailMessage(parsing: Array("From: a@example.com\nX-Envelope-From: b@example.com\nRESENT-from: c@example.com\n\nbody\n".utf8))
        let views = SpamAssassinViews(message: message)
        for name in ["From", "from", "FROM", "X-Envelope-From", "x-envelope-FROM", "Resent-From", "Resent-Sender", "Envelope-Sender", "To"] {
            for modifiers in ["", ":addr", ":first:addr", ":raw"] {
                let request = EvalHeaderRequest(name + modifiers)
                #expect((views.headers.positions[request.lowercasedName] != nil) == views.headers.contains(request.parsed.name), "\(name + modifiers)")
            }
        }
    }

    @Test func asciiWordSlicesMatchTheScalarWalk() {
        let pieces: [[UInt8]] = ["a", "Bc", "_", "-", "!?", " ", "\t", "\n", "\u{0B}", "\u{0C}", "\r", "42", "caf\u{E9}", "\u{3000}", "\u{4E2D}\u{6587}"]
            .map { Array($0.utf8) } + [[0xFF], [0xC3], [0x00], [0x85]]
        var generator = SplitMix(seed: 0x0A7D_5111)
        var asciiTexts = 0
        for _ in 0..<3_000 {
            let text = (0..<generator.next(below: 14)).flatMap { _ in pieces[generator.next(below: generator.next(below: 3) == 0 ? pieces.count : 12)] }
            if text.allSatisfy({ $0 < 0x80 }) { asciiTexts += 1 }
            let expected = BodyEvals.unicodePerlWords(String(decoding: text, as: UTF8.self))
            #expect(BodyEvals.perlWords(utf8: text).map { Array($0) } == expected, "\(text)")
            let string = String(decoding: text, as: UTF8.self)
            #expect(BodyEvals.perlWords(string).map { Array($0) } == expected, "\(string.debugDescription)")
        }
        #expect(asciiTexts > 1_000)
    }

    @Test func wordKeysOfSlicesCompareAsTheirBytes() {
        let text = Array("one two one".utf8)
        var counts: [WordKey: Int] = [:]
        for range in [0..<3, 4..<7, 8..<11] { counts[WordKey(text[range]), default: 0] += 1 }
        #expect(counts[WordKey(Array("one".utf8))] == 2)
        #expect(counts[WordKey(Array("two".utf8))] == 1)
        #expect(counts.count == 2)
    }

    @Test func mimeStatisticNamesAreSpamAssassins() {
        #expect(Set(MIMEStatistic.allCases.map(\.rawValue)) == [
            "mime_base64_count", "mime_base64_encoded_text", "mime_body_html_count", "mime_body_text_count", "mime_faraway_charset",
            "mime_multipart_alternative", "mime_multipart_ratio", "mime_qp_count", "mime_qp_long_line", "mime_qp_ratio", "mime_attachment",
            "mime_bad_iso_charset", "mime_ascii_text_illegal", "mime_text_unicode_ratio",
        ])
        let message = EvalHarness.message(type: "text/plain; charset=us-ascii", encoding: "base64", body: "aGVsbG8gdGhlcmUK\n")
        #expect(EvalHarness.hits("rawbody TEST eval:check_for_mime('mime_base64_count')", message))
        #expect(!EvalHarness.hits("rawbody TEST eval:check_for_mime('mime_qp_count')", message))
        #expect(!EvalHarness.hits("rawbody TEST eval:check_for_mime('mime_no_such_statistic')", message))
    }

    /// `MessageParseFlags.headerEnd` as it was: each line end found by a byte loop on the slice.
    private func headerEndByLoop(_ bytes: ArraySlice<UInt8>) -> (Bool, Int?) {
        var index = bytes.startIndex
        var invalidLines = 0
        while index < bytes.endIndex {
            let lineEnd = bytes[index...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.endIndex
            let line = bytes[index..<lineEnd]
            let content = line.last == 0x0A ? line.dropLast() : line
            let bare = content.last == 0x0D ? content.dropLast() : content
            if bare.isEmpty { return (false, lineEnd - bytes.startIndex) }
            if !(bare.first == 0x20 || bare.first == 0x09) {
                if bare.starts(with: "--".utf8) { return (true, index - bytes.startIndex) }
                if !MessageParseFlags.isHeaderStart(bare) {
                    invalidLines += 1
                    if invalidLines > 3 { return (true, index - bytes.startIndex) }
                }
            }
            index = lineEnd
        }
        return (true, nil)
    }

    @Test func headerEndByMemchrMatchesTheByteLoop() {
        let pieces = ["Subject: x", "From : a", "X-A:b", " folded", "\tfolded", "--", "-x", "no colon", ":", "a:", "\n", "\r\n", "\r", "\n\n",
                      "\u{E9}: x", "\u{7F}:"].map { Array($0.utf8) }
        var generator = SplitMix(seed: 0x4EAD_E2D)
        var separators = 0
        for _ in 0..<4_000 {
            let text = (0..<generator.next(below: 16)).flatMap { _ in pieces[generator.next(below: pieces.count)] }
            let offset = generator.next(below: 3)
            let padded = Array(repeating: UInt8(ascii: "F"), count: offset) + text
            let bytes = padded[offset...]
            let expected = headerEndByLoop(bytes)
            if !expected.0 { separators += 1 }
            let found = bytes.withUnsafeBufferPointer(MessageParseFlags.headerEnd)
            #expect(found.separatorMissing == expected.0 && found.bodyStart == expected.1, "\(String(decoding: text, as: UTF8.self).debugDescription)")
        }
        #expect(separators > 500)
    }
}
