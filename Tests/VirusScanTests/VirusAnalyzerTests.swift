import Filter
import ScanModel
import Foundation
import MailMessage
import Testing
@testable import VirusScan

@Suite struct VirusAnalyzerTests {
    private static let engine = FilterEngine(analyzers: [VirusAnalyzer(scanner: TestSignatures.sharedEngine)])

    @Test(arguments: TestMessages.Shape.allCases)
    func findsEICARInEveryShapeAndNamesThePart(shape: TestMessages.Shape) {
        let raw = TestMessages.message(TestSignatures.eicar, filename: "eicar.com", shape: shape)
        let result = Self.engine.scan(raw)
        #expect(result.report.viruses == [VirusFinding(name: TestSignatures.eicarName, part: shape.attachmentPath, filename: "eicar.com",
                                                       contentType: "application/octet-stream")])
        #expect(result.verdict.action == .reject)
        #expect(result.verdict.refusal?.text.contains(TestSignatures.eicarName) == true)
        #expect(result.report.hit(named: "VIRUS_FOUND")?.description.contains("eicar.com") == true)
        #expect(result.report.failures.isEmpty)
    }

    @Test(arguments: TestMessages.Shape.allCases)
    func theSameMessageWithAHarmlessAttachmentIsClean(shape: TestMessages.Shape) {
        let harmless = Array("Minutes of the meeting, 23 November.\nNothing dangerous in here.\n".utf8) + (0..<255).map { UInt8($0) }
        let result = Self.engine.scan(TestMessages.message(harmless, filename: "minutes.bin", shape: shape))
        #expect(result.report.viruses.isEmpty)
        #expect(result.report.failures.isEmpty)
        #expect(result.report.hits.isEmpty)
        #expect(result.verdict.action == .accept)
    }

    @Test(.enabled(if: TestSignatures.testFilesPresent, "clamav-testfiles is not installed"), arguments: TestMessages.Shape.allCases)
    func findsEveryClamAVTestFileInEveryShape(shape: TestMessages.Shape) {
        for file in TestSignatures.testFiles() {
            let result = Self.engine.scan(TestMessages.message(file.bytes, filename: file.name, shape: shape))
            let fromAttachment = result.report.viruses.first { $0.part == shape.attachmentPath }
            #expect(fromAttachment?.filename == file.name, "\(file.name) \(shape): \(result.report.viruses)")
            #expect(fromAttachment.map { TestSignatures.acceptableNames(for: file.name).contains($0.name) } == true, "\(file.name) \(shape)")
            #expect(result.verdict.action == .reject, "\(file.name) \(shape)")
        }
    }

    @Test func findsAUUEncodedFileInATextBody() {
        let encoded = UUTestEncoder.encode(TestSignatures.eicar, name: "eicar.com")
        let raw = Array("From: a@example.com\r\nTo: b@example.net\r\nSubject: uu\r\n\r\nHere it is:\r\n\r\n\(encoded)\r\nBye.\r\n".utf8)
        let result = Self.engine.scan(raw)
        #expect(result.report.viruses.first?.filename == "eicar.com")
        #expect(result.report.viruses.first?.name == TestSignatures.eicarName)
    }

    @Test func scanningManyMessagesBuildsNoEngine() {
        let builds = ClamAVEngine.buildCount
        _ = TestSignatures.sharedEngine  // built before counting
        let before = max(builds, ClamAVEngine.buildCount)
        for shape in TestMessages.Shape.allCases {
            _ = Self.engine.scan(TestMessages.message(TestSignatures.eicar, filename: "e.com", shape: shape))
        }
        #expect(ClamAVEngine.buildCount == before)
    }

    @Test func ClamAVsOwnParserStillRunsOnTheWholeMessage() {
        // A part swfilter does not decode as a file: EICAR base64-encoded inside an
        // x-uuencode-labelled... kept simple: the whole-message scan alone, parts disabled by
        // an empty message body, finds EICAR in a header-free text.
        let scanner = RecordingScanner(inner: TestSignatures.sharedEngine)
        let analyzer = VirusAnalyzer(scanner: scanner)
        _ = FilterEngine(analyzers: [analyzer]).scan(TestMessages.message(TestSignatures.eicar, filename: "e.com", shape: .nestedMultiparts))
        let sizes = scanner.sizes
        let raw = TestMessages.message(TestSignatures.eicar, filename: "e.com", shape: .nestedMultiparts)
        #expect(sizes.last == raw.count)  // the raw message, last
        #expect(sizes.contains(TestSignatures.eicar.count))  // the decoded attachment
    }
}
