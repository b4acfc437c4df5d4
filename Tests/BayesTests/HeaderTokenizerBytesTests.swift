import Foundation
import MailMessage
import Testing
@testable import Bayes

/// The header tokenizer reads ASCII values as bytes; each byte path must give exactly the
/// tokens of the string path it stands in for (the database stores the hashes), on generated
/// values with folding, 8-bit text and invalid UTF-8.
@Suite struct HeaderTokenizerBytesTests {
    let tokenizer = HeaderTokenizer(text: TextTokenizer(options: TokenizerOptions(keepTexts: true)))
    let samples = HeaderValueSamples.values(count: 300, seed: 0x5EED_0001)

    func field(_ value: [UInt8]) -> HeaderField {
        let raw = Array("X-Test:".utf8) + value + [0x0A]
        return HeaderField(name: "X-Test", raw: raw[...], rawValue: raw[7..<(raw.count - 1)])
    }

    func tokens(_ emit: (inout TokenSink) -> Void) -> TokenSet {
        var sink = TokenSink(keepTexts: true, limit: 100_000)
        emit(&sink)
        return sink.finish()
    }

    /// The unfolded bytes when the value is ASCII (the byte paths' condition), else nil.
    func asciiUnfolded(_ field: HeaderField) -> [UInt8]? {
        var bytes: [UInt8] = []
        return HeaderUnfolding.unfold(field.rawValue, into: &bytes) ? bytes : nil
    }

    @Test func unfoldingBytesMatchesTheUnfoldedString() {
        var asciiSeen = 0
        for value in samples {
            let field = field(value)
            var bytes: [UInt8] = []
            let ascii = HeaderUnfolding.unfold(field.rawValue, into: &bytes)
            #expect(ascii == field.unfolded.utf8.allSatisfy { $0 < 0x80 }, "\(value)")
            if ascii {
                asciiSeen += 1
                #expect(bytes == Array(field.unfolded.utf8), "\(value)")
            } else {
                // 8-bit bytes may be read as Windows-1252, but the ASCII bytes stay in place.
                #expect(bytes.filter { $0 < 0x80 } == Array(field.unfolded.utf8).filter { $0 < 0x80 }, "\(value)")
            }
        }
        #expect(asciiSeen >= 100)
    }

    @Test func receivedFromRawBytesMatchesTheUnfoldedString() {
        for value in samples {
            let field = field(value)
            for kind in [ReceivedTokens.all, ReceivedTokens.origin] {
                let fromString = tokens { kind.tokenize(field.unfolded, into: &$0) }
                var scratch: [UInt8] = []
                let fromBytes = tokens { HeaderTokenizer.received(field.rawValue, kind, scratch: &scratch, into: &$0) }
                #expect(fromBytes == fromString, "\(value)")
            }
        }
    }

    @Test func messageIDBytesMatchTheStringPath() {
        var compared = 0
        for value in samples + HeaderValueSamples.values(count: 60, seed: 7).map({ [UInt8(ascii: "<")] + $0 + Array("@a.B..c>x".utf8) }) {
            let field = field(value)
            guard let bytes = asciiUnfolded(field) else { continue }
            compared += 1
            var scratch: [UInt8] = []
            let fromBytes = tokens { sink in bytes.withUnsafeBufferPointer { HeaderTokenizer.messageID(ascii: $0, token: &scratch, into: &sink) } }
            #expect(fromBytes == tokens { tokenizer.messageID(field.unfolded, into: &$0) }, "\(value)")
        }
        #expect(compared >= 100)
    }

    @Test func dateBytesMatchTheStringPath() {
        for value in samples {
            let field = field(value)
            guard let bytes = asciiUnfolded(field) else { continue }
            var scratch: [UInt8] = []
            let fromBytes = tokens { sink in bytes.withUnsafeBufferPointer { HeaderTokenizer.date(ascii: $0, token: &scratch, into: &sink) } }
            #expect(fromBytes == tokens { tokenizer.date(field.unfolded, into: &$0) }, "\(value)")
        }
    }

    @Test func mailerBytesMatchTheStringPath() {
        for value in samples + [Array(String(repeating: "Mailer 1.2 ", count: 12).utf8)] {
            let field = field(value)
            guard let bytes = asciiUnfolded(field) else { continue }
            var scratch: [UInt8] = []
            let fromBytes = tokens { sink in bytes.withUnsafeBufferPointer { tokenizer.mailer(ascii: $0, token: &scratch, into: &sink) } }
            #expect(fromBytes == tokens { tokenizer.mailer(field.unfolded, into: &$0) }, "\(value)")
        }
    }

    @Test func subjectBytesMatchTheDecodedString() {
        var compared = 0
        for value in samples {
            let field = field(value)
            guard !field.rawValue.contains(UInt8(ascii: "=")), let bytes = asciiUnfolded(field) else { continue }
            compared += 1
            let fromBytes = tokens { sink in bytes.withUnsafeBufferPointer { tokenizer.subject(ascii: $0, into: &sink) } }
            #expect(fromBytes == tokens { tokenizer.subject(field.value, into: &$0) }, "\(value)")
        }
        #expect(compared >= 50)
    }

    /// The string switch the header tokenizer used before it told fields apart by their bytes.
    func referenceKind(_ name: String) -> HeaderFieldKind {
        switch name {
        case "subject": .subject
        case "from": .from
        case "to": .to
        case "cc": .cc
        case "reply-to": .replyTo
        case "return-path": .returnPath
        case "sender": .sender
        case "errors-to": .errorsTo
        case "received": .received
        case "message-id": .messageID
        case "x-mailer", "user-agent", "x-newsreader", "x-mimeole": .mailer
        case "date": .date
        case "content-type": .contentType
        default: .other
        }
    }

    @Test func fieldNamesLowerAsStringsDoAndChooseTheSameTokenizer() {
        var generator = SeededGenerator(seed: 11)
        let known = ["Received", "DATE", "Message-ID", "message-id", "Subject", "From", "TO", "Cc", "Content-Type", "X-Mailer",
                     "User-Agent", "X-Newsreader", "X-MimeOLE", "Reply-To", "Return-Path", "Sender", "Errors-To", "X-Spam", "\u{212A}ey", "Ünï"]
        let letters = Array("abcdeimnorstuxyzDEFRTX-_:".utf8)
        let generated = (0..<200).map { _ in
            String(decoding: (0..<Int.random(in: 1...12, using: &generator)).map { _ in letters.randomElement(using: &generator)! }, as: UTF8.self)
        }
        for name in known + generated {
            var lowered: [UInt8] = []
            HeaderTokenizer.lowercase(name, into: &lowered)
            #expect(lowered == Array(name.lowercased().utf8), "\(name)")
            let kind = lowered.withUnsafeBufferPointer { HeaderFieldKind(lowercased: $0) }
            #expect(kind == referenceKind(name.lowercased()), "\(name)")
            #expect(kind.hasWords == !HeaderWords.skipped.contains(name.lowercased()), "\(name)")
            let prefix = lowered.withUnsafeBufferPointer { HeaderWords.prefix(lowercasedName: $0, keepingText: true) }
            let reference = TokenPrefix("H:\(name.lowercased()):")
            #expect(prefix.seed == reference.seed && prefix.text == reference.text, "\(name)")
        }
    }
    /// Address values, plain and not: cases, dots, `+ % _ -`, brackets, names, comments, lists.
    static let addressValues: [String] = {
        let locals = ["john", "John.Doe", "a+b", "x_y", "p%q", "-", "a..b", ".a", "a.", "\"q r\"", "caf\u{E9}", "a=b", "A", "a!b"]
        let domains = ["example.com", "Mail.Example.ORG", "a-b.c_d", "b..c", "b.", ".b", "[1.2.3.4]", "x", "EXAMPLE"]
        let shapes = [
            "#@#", "<#@#>", "<#@#", "#@#>", " #@# ", "Name <#@#>", "#@# (Comment)", "#@#, #@#", "#@#;", "<<#@#>>", "#@ #", "#",
            "John  Q\tPublic <#@#>", "\"Doe, John\" <#@#>", "\" spaced \"\t<#@#>", "\"\" <#@#>", "\"a@b.example\" <#@#>",
            "Name<#@#>", "\"x\\\"y\" <#@#>", "\"=?utf-8?Q?x?=\" <#@#>", "J. Doe <#@#>", "\"x\" y <#@#>", "Ann <#@#> (c)",
        ]
        var values: [String] = []
        for (index, local) in locals.enumerated() {
            for (offset, domain) in domains.enumerated() where (index + offset) % 3 == 0 {
                for shape in shapes {
                    values.append(shape.replacingOccurrences(of: "#@#", with: local + "@" + domain).replacingOccurrences(of: "#", with: local))
                }
            }
        }
        return values
    }()

    @Test func plainAddressesGiveWhatTheParserGives() {
        var plainSeen = 0
        for text in Self.addressValues {
            let field = field(Array(text.utf8))
            guard let bytes = asciiUnfolded(field) else { continue }
            let plain = bytes.withUnsafeBufferPointer { PlainAddress($0) }
            guard let plain else { continue }
            plainSeen += 1
            for (kind, isFrom) in [(AddressTokens.from, true), (AddressTokens.to, false), (AddressTokens.replyTo, false)] {
                var parsed: [MailAddress] = []
                let reference = tokens { parsed = tokenizer.addresses(parsing: field.unfolded, kind, isFrom: isFrom, into: &$0) }
                var scratch: [UInt8] = []
                let fromBytes = tokens { sink in
                    bytes.withUnsafeBufferPointer { tokenizer.plainAddressTokens($0, plain, kind, isFrom: isFrom, token: &scratch, into: &sink) }
                }
                #expect(fromBytes == reference, "\(text)")
                #expect(parsed == [bytes.withUnsafeBufferPointer { plain.mailAddress(in: $0) }], "\(text)")
            }
        }
        #expect(plainSeen >= 100)
    }
}
