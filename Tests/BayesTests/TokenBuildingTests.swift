import MailMessage
import Testing
@testable import Bayes

/// Tokens put together as bytes must equal the strings they replace: the hex digest, the MIME
/// type, shapes, and prefixes hashed from parts.
@Suite struct TokenBuildingTests {
    @Test func hexDigitsMatchStringRadix16() {
        var generator = SeededGenerator(seed: 3)
        let values: [UInt64] = [0, 1, 9, 10, 15, 16, 255, 256, .max, 1 << 63] + (0..<200).map { _ in
            generator.next() >> UInt64.random(in: 0...63, using: &generator)
        }
        for value in values {
            var token: [UInt8] = []
            Tokenizer.appendHex(value, to: &token)
            #expect(String(decoding: token, as: UTF8.self) == String(value, radix: 16))
        }
    }

    @Test func mimeTypeBytesMatchTheString() {
        for type in [ContentType.textPlain, .messageRFC822, .applicationOctetStream, ContentType(type: "tëxt", subtype: "x-ünknown")] {
            var token: [UInt8] = []
            Tokenizer.appendMIMEType(type, to: &token)
            #expect(token == Array(type.mimeType.utf8))
        }
    }

    @Test func shapeAppendedMatchesShapeOf() {
        for value in HeaderValueSamples.values(count: 200, seed: 5) {
            let text = String(decoding: value, as: UTF8.self)
            for limit in [0, 1, 3, 24, 40] {
                var token: [UInt8] = []
                Shape.append(text.utf8, limit: limit, to: &token)
                #expect(String(decoding: token, as: UTF8.self) == Shape.of(text, limit: limit))
                // The raw bytes, 8-bit runs read as Windows-1252 or not, give the same shape.
                var fromRaw: [UInt8] = []
                Shape.append(value, limit: limit, to: &fromRaw)
                #expect(fromRaw == token, "\(value)")
            }
        }
    }
}
