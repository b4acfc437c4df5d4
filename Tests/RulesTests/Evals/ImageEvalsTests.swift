import Testing
@testable import Rules

@Suite struct ImageEvalsTests {
    /// A 1x1 GIF and a PNG header claiming 640x480, base64.
    private let gif = "R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="
    private var png: String {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        bytes += Array("IHDR".utf8) + [0, 0, 0x02, 0x80, 0, 0, 0x01, 0xE0, 8, 2, 0, 0, 0] + [0, 0, 0, 0]
        return Self.base64(bytes)
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(0) { $0 | Int($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                output.append(position <= chunk.count ? alphabet[(value >> (18 - 6 * position)) & 63] : "=")
            }
            index += 3
        }
        return output
    }

    private func message(_ parts: [(type: String, name: String, data: String)]) -> String {
        var text = "From: a@example.com\nSubject: pics\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n"
        text += "--B\nContent-Type: text/plain\n\nsee the pictures\n"
        for part in parts {
            text += "--B\nContent-Type: \(part.type); name=\"\(part.name)\"\nContent-Transfer-Encoding: base64\n\n\(part.data)\n"
        }
        return text + "--B--\n"
    }

    @Test func countsAndSizes() {
        let mail = message([("image/gif", "dot.gif", gif), ("image/png", "big.png", png)])
        #expect(EvalHarness.hits("body TEST eval:image_count('gif','1','1')", mail))
        #expect(EvalHarness.hits("body TEST eval:image_count('all',2)", mail))
        #expect(!EvalHarness.hits("body TEST eval:image_count('jpeg',1)", mail))
        #expect(EvalHarness.hits("body TEST eval:image_size_exact('png','480','640')", mail))
        #expect(!EvalHarness.hits("body TEST eval:image_size_exact('png','640','480')", mail))
        #expect(EvalHarness.hits("body TEST eval:pixel_coverage('png','300000','400000')", mail))
        #expect(EvalHarness.hits("body TEST eval:image_size_range('png', 400, 600)", mail))
        #expect(!EvalHarness.hits("body TEST eval:image_size_range('png', 400, 600, 450, 700)", mail))
        #expect(EvalHarness.hits("body TEST eval:image_named('big.png')", mail))
        #expect(!EvalHarness.hits("body TEST eval:image_named('other.png')", mail))
    }

    @Test func textToImageRatio() {
        let mail = message([("image/png", "big.png", png)])
        // the body view is the Subject and the text: a few dozen characters over 307200 pixels
        #expect(EvalHarness.hits("body TEST eval:image_to_text_ratio('all', '0.000', '0.008')", mail))
        #expect(!EvalHarness.hits("body TEST eval:image_to_text_ratio('all', '0.000', '0.00001')", mail))
    }

    @Test func dimensionsOfEachFormat() {
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x64, 0x00, 0xC8, 0x03]
        #expect(ImageDimensions.size(of: jpeg, type: "jpeg")! == (200, 100))
        let gifBytes: [UInt8] = Array("GIF89a".utf8) + [0x10, 0x00, 0x20, 0x00]
        #expect(ImageDimensions.size(of: gifBytes, type: "gif")! == (16, 32))
        #expect(ImageDimensions.size(of: Array("GIF00a1234".utf8), type: "gif") == nil)
        #expect(ImageDimensions.size(of: [0xFF, 0xD8, 0x00], type: "jpeg") == nil)
    }
}

@Suite struct ImageOverflowAttackTests {
    /// A PNG claiming 4294967295×4294967295 pixels: the area must not overflow and trap.
    @Test func hugePNGDimensionsDoNotCrash() {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        bytes += Array("IHDR".utf8) + [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 8, 2, 0, 0, 0, 0, 0, 0, 0]
        let png = ImageEvalsTests.base64(bytes)
        var message = "From: a@example.com\nSubject: x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"B\"\n\n"
        for index in 0..<3 {
            message += "--B\nContent-Type: image/png; name=\"p\(index).png\"\nContent-Transfer-Encoding: base64\n\n\(png)\n"
        }
        message += "--B--\n"
        #expect(EvalHarness.hits("body TEST eval:pixel_coverage('all', 1)", message))
    }

    @Test func hugeHTMLImageSizesDoNotCrash() {
        let image = "<img src=x width=999999999 height=999999999>"
        let html = EvalHarness.html(String(repeating: image, count: 20) + "hi\n")
        #expect(EvalHarness.hits("body TEST eval:html_image_ratio('0.000','0.002')", html))
    }
}
