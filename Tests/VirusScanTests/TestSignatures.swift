import Foundation
@testable import VirusScan

/// The project's own ClamAV test signatures (rules/clamav), the EICAR test string and Debian's
/// clamav-testfiles, for tests.
enum TestSignatures {
    static let rulesDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../rules/clamav").standardized.path
    static let ndb = rulesDirectory + "/swfilter-test.ndb"
    static let hdb = rulesDirectory + "/swfilter-test.hdb"

    /// The EICAR anti-virus test file (68 bytes), assembled so this source file is not itself
    /// flagged by scanners.
    static let eicar = Array(("X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*").utf8)
    static let eicarName = "Swfilter.Test.EICAR.UNOFFICIAL"

    static let testFilesDirectory = "/usr/share/clamav-testfiles"

    /// Every file of clamav-testfiles, by name; empty when the package is not installed.
    static func testFiles() -> [(name: String, bytes: [UInt8])] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: testFilesDirectory)) ?? []
        return names.sorted().compactMap { name in
            FileManager.default.contents(atPath: testFilesDirectory + "/" + name).map { (name, Array($0)) }
        }
    }

    static var testFilesPresent: Bool { FileManager.default.fileExists(atPath: testFilesDirectory + "/clam.exe") }

    /// What our signatures call a test file: its own hash, or (for containers, which libclamav
    /// opens first) the payload clam.exe inside it.
    static func acceptableNames(for file: String) -> Set<String> {
        ["Swfilter.Test.\(file).UNOFFICIAL", "Swfilter.Test.clam.exe.UNOFFICIAL"]
    }

    /// Settings that load only the project's signatures.
    static func settings(limits: ClamAVScanLimits = ClamAVScanLimits()) -> ClamAVEngineSettings {
        ClamAVEngineSettings(signatureDirectory: rulesDirectory, limits: limits)
    }

    /// One engine with the project signatures, built once for the whole test process.
    static let sharedEngine: ClamAVEngine = {
        do { return try ClamAVEngine(settings: settings()) } catch { fatalError("test signatures do not load: \(error)") }
    }()
}
