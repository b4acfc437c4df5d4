import Filter
import Foundation
import Glibc
import ScanModel
import Testing
@testable import VirusScan

@Suite struct ClamAVTemporaryDirectoryTests {
    /// A pid no process can have (above Linux's largest pid_max).
    static let endedProcess: pid_t = 2_000_000_000

    static func mode(_ path: String) -> mode_t? {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & 0o7777 : nil
    }

    @Test func thePrivateDirectoryIsMadeWithMode0700UnderTheRoot() throws {
        let root = try TemporaryDirectory("tmproot")
        defer { root.remove() }
        let made = try ClamAVTemporaryDirectory.prepare(root: root.path)
        let user = root.path + "/swfilter-clamav-\(geteuid())"
        #expect(made == user + "/\(getpid())")
        #expect(Self.mode(user) == 0o700)
        #expect(Self.mode(made) == 0o700)
        // A user directory made looser by hand is set back to 0700.
        chmod(user, 0o755)
        _ = try ClamAVTemporaryDirectory.prepare(root: root.path + "/")
        #expect(Self.mode(user) == 0o700)
    }

    @Test func leftoversOfThisProcessAndOfEndedProcessesAreRemovedAtStart() throws {
        let root = try TemporaryDirectory("tmproot")
        defer { root.remove() }
        let user = root.path + "/swfilter-clamav-\(geteuid())"
        let own = user + "/\(getpid())"
        let ended = user + "/\(Self.endedProcess)"
        let running = user + "/1"
        for directory in [own + "/clamav-scan.tmp", ended + "/mail-tmp", running] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try Data("left".utf8).write(to: URL(fileURLWithPath: own + "/clamav-scan.tmp/part"))
        try Data("left".utf8).write(to: URL(fileURLWithPath: ended + "/mail-tmp/part"))
        try Data("busy".utf8).write(to: URL(fileURLWithPath: running + "/part"))

        let made = try ClamAVTemporaryDirectory.prepare(root: root.path)
        #expect(made == own)
        #expect(try FileManager.default.contentsOfDirectory(atPath: own).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: ended))
        // pid 1 is running: its directory is not ours to clean.
        #expect(FileManager.default.fileExists(atPath: running + "/part"))
    }

    @Test func aSymbolicLinkPlantedInPlaceOfTheUserDirectoryIsRefused() throws {
        let root = try TemporaryDirectory("tmproot")
        let target = try TemporaryDirectory("tmptarget")
        defer { root.remove(); target.remove() }
        try target.write("precious", "keep me")
        try FileManager.default.createSymbolicLink(atPath: root.path + "/swfilter-clamav-\(geteuid())", withDestinationPath: target.path)
        #expect(throws: VirusScanError.self) { try ClamAVTemporaryDirectory.prepare(root: root.path) }
        #expect(FileManager.default.fileExists(atPath: target.file("precious")))
        #expect(!FileManager.default.fileExists(atPath: target.path + "/\(getpid())"))
    }

    @Test(.enabled(if: geteuid() == 0, "needs root to give the directory away"))
    func aUserDirectoryPlantedByAnotherUserIsRefused() throws {
        let root = try TemporaryDirectory("tmproot")
        defer { root.remove() }
        let user = root.path + "/swfilter-clamav-\(geteuid())"
        #expect(mkdir(user, 0o777) == 0)
        #expect(chown(user, 65534, 65534) == 0)
        #expect(throws: VirusScanError.self) { try ClamAVTemporaryDirectory.prepare(root: root.path) }
    }

    @Test func aRootThatCannotHoldADirectoryFailsTheEngineWithAClearError() throws {
        let root = try TemporaryDirectory("tmproot")
        defer { root.remove() }
        try root.write("file", "not a directory")
        var settings = TestSignatures.settings()
        settings.temporaryDirectory = root.file("file")
        do {
            _ = try ClamAVEngine(settings: settings)
            Issue.record("an engine was built over a regular file")
        } catch {
            #expect(error.kind == .invalidSetting)
            #expect(error.message.contains(root.file("file")))
        }
    }

    @Test func theDefaultRootIsSharedMemoryOnlyWhenItIsAWritableTmpfs() throws {
        let disk = try TemporaryDirectory("tmproot")
        defer { disk.remove() }
        let system = ClamAVTemporaryDirectory.systemRoot
        #expect(ClamAVTemporaryDirectory.defaultRoot(sharedMemory: disk.path + "/missing") == system)
        if !ClamAVTemporaryDirectory.isWritableTmpfs(disk.path) {
            #expect(ClamAVTemporaryDirectory.defaultRoot(sharedMemory: disk.path) == system)
        }
        if ClamAVTemporaryDirectory.isWritableTmpfs("/dev/shm") {
            #expect(ClamAVTemporaryDirectory.defaultRoot() == "/dev/shm")
        } else {
            #expect(ClamAVTemporaryDirectory.defaultRoot() == system)
        }
        #expect(TestSignatures.sharedEngine.temporaryDirectory
                == ClamAVTemporaryDirectory.defaultRoot() + "/swfilter-clamav-\(geteuid())/\(getpid())")
    }

    @Test(arguments: TestMessages.Shape.allCases)
    func anEngineOnAConfiguredRootFindsEICARInEveryShapeAndLeavesNothingBehind(shape: TestMessages.Shape) throws {
        let root = try TemporaryDirectory("tmproot-\(shape)")
        defer { root.remove() }
        var settings = TestSignatures.settings()
        settings.temporaryDirectory = root.path
        let engine = try ClamAVEngine(settings: settings)
        #expect(engine.temporaryDirectory.hasPrefix(root.path + "/swfilter-clamav-"))
        let filter = FilterEngine(analyzers: [VirusAnalyzer(scanner: engine)])
        let result = filter.scan(TestMessages.message(TestSignatures.eicar, filename: "eicar.com", shape: shape))
        #expect(result.report.viruses.map(\.name) == [TestSignatures.eicarName])
        #expect(result.report.failures.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: engine.temporaryDirectory).isEmpty)
    }
}
