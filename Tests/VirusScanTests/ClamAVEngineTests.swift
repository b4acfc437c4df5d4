import Foundation
import Testing
@testable import VirusScan

@Suite struct ClamAVEngineTests {
    @Test func loadsTheProjectSignatures() throws {
        let engine = try ClamAVEngine(settings: TestSignatures.settings())
        let hashes = try String(contentsOfFile: TestSignatures.hdb, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(engine.signatureCount == hashes.count + 1)  // + the EICAR body signature
        #expect(engine.warnings.isEmpty)
        #expect(engine.scannerName.hasPrefix("ClamAV 1."))
    }

    @Test func findsEICARInMemory() {
        #expect(TestSignatures.sharedEngine.scan(TestSignatures.eicar) == .infected(name: TestSignatures.eicarName))
        let embedded = Array("some text before\n".utf8) + TestSignatures.eicar + Array("\nand after".utf8)
        #expect(TestSignatures.sharedEngine.scan(embedded) == .infected(name: TestSignatures.eicarName))
    }

    @Test func harmlessBytesAreClean() {
        #expect(TestSignatures.sharedEngine.scan(Array("Hello, this is a harmless attachment.\n".utf8)) == .clean)
        #expect(TestSignatures.sharedEngine.scan([UInt8]()) == .clean)
        var almost = TestSignatures.eicar
        almost[10] ^= 0x20
        #expect(TestSignatures.sharedEngine.scan(almost) == .clean)
    }

    @Test(.enabled(if: TestSignatures.testFilesPresent, "clamav-testfiles is not installed"))
    func findsEveryClamAVTestFileByName() {
        let files = TestSignatures.testFiles()
        #expect(files.count >= 40)
        for file in files {
            let result = TestSignatures.sharedEngine.scan(file.bytes, filename: file.name)
            guard case .infected(let name) = result else {
                Issue.record("\(file.name): \(result)")
                continue
            }
            #expect(TestSignatures.acceptableNames(for: file.name).contains(name), "\(file.name): \(name)")
        }
    }

    @Test func theEngineIsBuiltOnceAndScansLoadNothing() {
        let engine = TestSignatures.sharedEngine
        let builds = ClamAVEngine.buildCount
        for _ in 0..<3 { _ = engine.scan(TestSignatures.eicar) }
        #expect(ClamAVEngine.buildCount == builds)
    }

    @Test func concurrentScansOnOneEngineAllAnswer() async {
        let engine = TestSignatures.sharedEngine
        let results = await withTaskGroup(of: VirusScanResult.self) { group in
            for index in 0..<64 {
                group.addTask { engine.scan(index.isMultiple(of: 2) ? TestSignatures.eicar : Array("clean \(index)".utf8)) }
            }
            return await group.reduce(into: [VirusScanResult]()) { $0.append($1) }
        }
        #expect(results.filter { $0 == .infected(name: TestSignatures.eicarName) }.count == 32)
        #expect(results.filter { $0 == .clean }.count == 32)
    }

    @Test func anEmptySignatureDirectoryIsAClearError() throws {
        let directory = try TemporaryDirectory("empty")
        defer { directory.remove() }
        #expect {
            try ClamAVEngine(settings: ClamAVEngineSettings(signatureDirectory: directory.path))
        } throws: { error in
            guard let error = error as? VirusScanError else { return false }
            return error.kind == .noSignatures && error.message.contains(directory.path) && error.message.contains("holds no signature databases")
        }
    }

    @Test func anEmptySignatureDirectoryBesideExtraFilesIsAWarning() throws {
        let directory = try TemporaryDirectory("empty")
        defer { directory.remove() }
        let engine = try ClamAVEngine(settings: ClamAVEngineSettings(signatureDirectory: directory.path, extraSignatureFiles: [TestSignatures.ndb]))
        #expect(engine.signatureCount == 1)
        #expect(engine.warnings.count == 1)
        #expect(engine.scan(TestSignatures.eicar) == .infected(name: TestSignatures.eicarName))
    }

    @Test func aMissingSignatureDirectoryIsNamed() {
        #expect {
            try ClamAVEngine(settings: ClamAVEngineSettings(signatureDirectory: "/nonexistent/swfilter-sigs"))
        } throws: { error in
            (error as? VirusScanError)?.message.contains("/nonexistent/swfilter-sigs does not exist") == true
        }
    }

    @Test func aCorruptSignatureFileIsAClearErrorNamingIt() throws {
        let directory = try TemporaryDirectory("corrupt")
        defer { directory.remove() }
        try directory.copy(TestSignatures.ndb)
        try directory.write("broken.ndb", "this is not a signature\n")
        #expect {
            try ClamAVEngine(settings: ClamAVEngineSettings(signatureDirectory: directory.path))
        } throws: { error in
            guard let error = error as? VirusScanError else { return false }
            return error.kind == .signatureLoad && error.message.contains("broken.ndb") && error.message.contains("Malformed database")
        }
    }

    @Test func outOfRangeLimitsAreRefused() {
        #expect(throws: VirusScanError.self) {
            try ClamAVEngine(settings: TestSignatures.settings(limits: ClamAVScanLimits(maxRecursion: 1000)))
        }
    }
}
