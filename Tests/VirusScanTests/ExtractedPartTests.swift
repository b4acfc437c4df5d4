import Filter
import ScanModel
import Foundation
import MailMessage
import Testing
@testable import VirusScan

/// The in-process engine scans the whole message first and says which of swfilter's decoded
/// parts libclamav's mail parser extracted byte for byte; those are not scanned again.
@Suite struct ExtractedPartTests {
    /// libclamav's clean-file cache off: a message found in the cache is not opened again, so
    /// nothing in it is marked (and its parts are scanned on their own, cheaply, from the cache).
    static let engine: ClamAVEngine = {
        var settings = TestSignatures.settings()
        settings.cacheEnabled = false
        do { return try ClamAVEngine(settings: settings) } catch { fatalError("test signatures do not load: \(error)") }
    }()

    static let harmless = Array("Minutes of the meeting, 23 November.\nNothing dangerous in here.\n".utf8) + (0..<255).map { UInt8($0) }

    /// The shapes whose attachment libclamav's parser decodes to exactly our bytes.
    static let base64Shapes: [TestMessages.Shape] = [.base64Attachment, .insideAttachedMessage, .nestedMultiparts]

    @Test(arguments: base64Shapes)
    func libclamavSaysWhichPartItExtractedByteForByte(shape: TestMessages.Shape) {
        let raw = TestMessages.message(Self.harmless, filename: "minutes.bin", shape: shape)
        var other = Self.harmless
        other[0] ^= 1
        let outcome = raw.withUnsafeBytes { Self.engine.scan($0, filename: nil, candidates: [Self.harmless, other, [1, 2, 3]]) }
        #expect(outcome.result == .clean)
        #expect(outcome.extracted == [true, false, false])
    }

    @Test(arguments: base64Shapes)
    func anExtractedCleanPartIsNotScannedAgain(shape: TestMessages.Shape) {
        let raw = TestMessages.message(Self.harmless, filename: "minutes.bin", shape: shape)
        let scanner = RecordingExtractingScanner(inner: Self.engine)
        let result = FilterEngine(analyzers: [VirusAnalyzer(scanner: scanner)]).scan(raw)
        #expect(result.report.viruses.isEmpty && result.report.failures.isEmpty)
        #expect(scanner.sizes.first == raw.count)  // the whole message first
        #expect(!scanner.sizes.contains(Self.harmless.count))
    }

    @Test func partCraftedToMatchAnExtractedFileExceptOneByteIsStillScanned() {
        // Same length as the harmless attachment, one byte different: compared in full, never
        // by a hash an attacker could collide, so it is scanned on its own.
        let raw = TestMessages.message(Self.harmless, filename: "minutes.bin", shape: .base64Attachment)
        var lookalike = Self.harmless
        lookalike[Self.harmless.count / 2] ^= 0x20
        let outcome = raw.withUnsafeBytes { Self.engine.scan($0, filename: nil, candidates: [lookalike]) }
        #expect(outcome.extracted == [false])
    }

    @Test(arguments: TestMessages.Shape.allCases)
    func anInfectedMessageMarksNothingAndScansEveryPart(shape: TestMessages.Shape) {
        let raw = TestMessages.message(TestSignatures.eicar, filename: "eicar.com", shape: shape)
        let scanner = RecordingExtractingScanner(inner: Self.engine)
        let result = FilterEngine(analyzers: [VirusAnalyzer(scanner: scanner)]).scan(raw)
        #expect(scanner.extracted.allSatisfy { !$0.contains(true) })
        #expect(scanner.sizes.contains(TestSignatures.eicar.count))
        #expect(result.report.viruses.first?.part == shape.attachmentPath)
    }

    @Test func withoutLimitAlertsNothingCountsAsScanned() throws {
        // A limit reached then passes as clean, so "extracted" would not mean "scanned whole".
        var settings = TestSignatures.settings()
        settings.alertExceedsMax = false
        settings.cacheEnabled = false
        let engine = try ClamAVEngine(settings: settings)
        let raw = TestMessages.message(Self.harmless, filename: "minutes.bin", shape: .base64Attachment)
        let outcome = raw.withUnsafeBytes { engine.scan($0, filename: nil, candidates: [Self.harmless]) }
        #expect(outcome.result == .clean)
        #expect(outcome.extracted == [false])
    }

    @Test func theSameAttachmentTwiceIsScannedOnceAndStillNamed() {
        let twice = TestMessages.twoAttachments(TestSignatures.eicar, "a.com", TestSignatures.eicar, "b.com")
        // clamd's way (no extraction answers): the copy takes the first one's result.
        let scanner = RecordingScanner(inner: Self.engine)
        let result = FilterEngine(analyzers: [VirusAnalyzer(scanner: scanner)]).scan(twice)
        #expect(scanner.sizes.filter { $0 == TestSignatures.eicar.count }.count == 1)
        #expect(result.report.viruses.first?.filename == "a.com")
        #expect(result.report.viruses.first?.name == TestSignatures.eicarName)
    }

    @Test func differentAttachmentsAreEachScanned() {
        var other = Self.harmless
        other[0] ^= 1
        let raw = TestMessages.twoAttachments(Self.harmless, "a.bin", other, "b.bin")
        let scanner = RecordingScanner(inner: Self.engine)
        _ = FilterEngine(analyzers: [VirusAnalyzer(scanner: scanner)]).scan(raw)
        #expect(scanner.sizes.filter { $0 == Self.harmless.count }.count == 2)
    }
}
