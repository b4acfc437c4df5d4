import Testing
@testable import MailMessage

@Suite struct ContentTypeTests {
    @Test func parsesTypeSubtypeAndParameters() throws {
        let (parsed, defects) = ContentType.parse("Text/HTML; Charset=\"UTF-8\"")
        let type = try #require(parsed)
        #expect(type.type == "text")
        #expect(type.subtype == "html")
        #expect(type.mimeType == "text/html")
        #expect(type.charset == "UTF-8")
        #expect(type.isText)
        #expect(!type.isMultipart)
        #expect(defects.isEmpty)
    }

    @Test func readsMultipartBoundary() throws {
        let (parsed, defects) = ContentType.parse("multipart/alternative;\tboundary=\"----=_NextPart_000_0012_01C2A9A6.7B2D5B40\"")
        let type = try #require(parsed)
        #expect(type.isMultipart)
        #expect(type.boundary == "----=_NextPart_000_0012_01C2A9A6.7B2D5B40")
        #expect(defects.isEmpty)
        let unquoted = try #require(ContentType.parse("multipart/mixed; boundary=----=_Part_1_2.3").0)
        #expect(unquoted.boundary == "----=_Part_1_2.3")
    }

    @Test func recognisesEmbeddedMessages() throws {
        #expect(try #require(ContentType.parse("message/rfc822").0).isEmbeddedMessage)
        #expect(try #require(ContentType.parse("MESSAGE/Global").0).isEmbeddedMessage)
        #expect(ContentType.parse("message/partial; id=1").0?.isEmbeddedMessage == false)
    }

    @Test func toleratesSpacesCommentsAndMissingSemicolons() throws {
        let spaced = try #require(ContentType.parse(" text / plain (comment) ").0)
        #expect(spaced.mimeType == "text/plain")
        let (parsed, defects) = ContentType.parse("text/plain charset=iso-8859-1")
        let type = try #require(parsed)
        #expect(type.mimeType == "text/plain")
        #expect(type.charset == "iso-8859-1")
        #expect(defects == [.badParameter])
    }

    @Test func rejectsValuesWithoutTypeAndSubtype() {
        for text in ["", "text", "/plain", "text/", "text/plain/extra", "te xt/plain", "text/pl@in", ";charset=utf-8"] {
            let (parsed, defects) = ContentType.parse(text)
            #expect(parsed == nil, "\(text.debugDescription)")
            #expect(defects.contains(.malformedContentType))
        }
    }

    @Test func keepsParameterDefectsAlongsideMalformedType() {
        let (parsed, defects) = ContentType.parse("garbage; charset=a; charset=b")
        #expect(parsed == nil)
        #expect(defects == [.badParameter, .malformedContentType])
    }

    @Test func dispositionKindAndFilename() {
        let (attachment, defects) = ContentDisposition.parse("Attachment; filename=\"report 2024.pdf\"; size=1234")
        #expect(attachment.kind == "attachment")
        #expect(attachment.isAttachment)
        #expect(attachment.filename == "report 2024.pdf")
        #expect(attachment.parameters["size"] == "1234")
        #expect(defects.isEmpty)
        let inline = ContentDisposition.parse("INLINE").0
        #expect(inline.kind == "inline")
        #expect(!inline.isAttachment)
        #expect(inline.filename == nil)
    }

    @Test func dispositionWithRFC2231FilenameAndMissingSemicolon() {
        let encoded = ContentDisposition.parse("attachment; filename*=UTF-8''%E2%82%AC.txt").0
        #expect(encoded.filename == "€.txt")
        let (sloppy, defects) = ContentDisposition.parse("attachment filename=invoice.zip")
        #expect(sloppy.kind == "attachment")
        #expect(sloppy.filename == "invoice.zip")
        #expect(defects == [.badParameter])
    }
}
