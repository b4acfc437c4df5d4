import Foundation
import Testing
@testable import Server
#if canImport(Glibc)
import Glibc
#endif

@Suite struct PidFileTests {
    static func stateDirectory() throws -> String {
        try ConfigFixture.temporaryDirectory().path
    }

    @Test func missingRunFolderListsNoFilesAndReloadSaysNothingRuns() throws {
        let state = try Self.stateDirectory()
        #expect(try PidFile.all(stateDir: state) == [])
        let outcome = ReloadRequest.send(stateDir: state)
        #expect(outcome.signalled.isEmpty)
        #expect(outcome.exitStatus == .unavailable)
        #expect(outcome.warnings.contains { $0.contains("no running swfilter process") && $0.contains(state + "/run") })
    }

    @Test func acquiredFileHoldsThePidUntilReleased() throws {
        let state = try Self.stateDirectory()
        let file = PidFile(stateDir: state, name: "milter")
        #expect(file.path == state + "/run/milter.pid")
        #expect(file.status() == .missing)
        let lock = try file.acquire()
        #expect(try String(contentsOfFile: file.path, encoding: .utf8) == "\(getpid())\n")
        #expect(file.status() == .running(pid: getpid()))
        #expect(try PidFile.all(stateDir: state) == [file])
        lock.release()
        #expect(file.status() == .missing)
        lock.release()
    }

    @Test func secondAcquireWhileHeldFailsAsAlreadyRunning() throws {
        let file = PidFile(stateDir: try Self.stateDirectory(), name: "smtp")
        let lock = try file.acquire()
        defer { lock.release() }
        #expect(throws: PidFileError(path: file.path, reason: .alreadyRunning(getpid()))) { try file.acquire() }
    }

    @Test func fileLeftByADeadProcessIsStaleAndTakenOver() throws {
        let state = try Self.stateDirectory()
        let file = PidFile(stateDir: state, name: "milter")
        try FileManager.default.createDirectory(atPath: PidFile.directory(stateDir: state), withIntermediateDirectories: true)
        try "12345\n".write(toFile: file.path, atomically: true, encoding: .utf8)
        #expect(file.status() == .stale(pid: 12345))
        let lock = try file.acquire()
        defer { lock.release() }
        #expect(file.status() == .running(pid: getpid()))
    }

    @Test func garbageInAPidFileIsNoPid() throws {
        let state = try Self.stateDirectory()
        try FileManager.default.createDirectory(atPath: PidFile.directory(stateDir: state), withIntermediateDirectories: true)
        let file = PidFile(stateDir: state, name: "odd")
        for text in ["", "abc\n", "-5\n", "1\n", "99999999999\n", "12 34\n"] {
            try text.write(toFile: file.path, atomically: true, encoding: .utf8)
            #expect(file.status() == .stale(pid: nil), "\(text.debugDescription)")
        }
    }

    @Test func reloadNeverSignalsThePidInAStaleFile() throws {
        let state = try Self.stateDirectory()
        let child = try ChildProcess()
        defer { child.stop() }
        try FileManager.default.createDirectory(atPath: PidFile.directory(stateDir: state), withIntermediateDirectories: true)
        let file = PidFile(stateDir: state, name: "milter")
        try "\(child.pid)\n".write(toFile: file.path, atomically: true, encoding: .utf8)

        let outcome = ReloadRequest.send(stateDir: state)
        #expect(outcome.signalled.isEmpty)
        #expect(outcome.stale == [file])
        #expect(outcome.exitStatus == .unavailable)
        #expect(outcome.warnings.contains { $0.contains("stale pid file \(file.path)") })
        #expect(child.ended(waitingUpTo: 0.3).ended == false)
    }

    @Test func reloadSignalsTheProcessOfALiveFile() throws {
        let state = try Self.stateDirectory()
        let child = try ChildProcess()
        defer { child.stop() }
        // Held by this process (as a daemon holds its own), naming the child, so that the
        // signal goes somewhere the test can watch.
        let file = PidFile(stateDir: state, name: "milter")
        let lock = try file.acquire()
        defer { lock.release() }
        try "\(child.pid)\n".write(toFile: file.path, atomically: false, encoding: .utf8)
        #expect(file.status() == .running(pid: child.pid))

        let outcome = ReloadRequest.send(stateDir: state)
        #expect(outcome.signalled == [ReloadOutcome.Process(file: file, pid: child.pid)])
        #expect(outcome.exitStatus == .ok)
        #expect(outcome.report == ["reloading: pid \(child.pid) (\(file.path))"])
        let ended = child.ended(waitingUpTo: 5)
        #expect(ended.ended && ended.byHangup)
    }

    @Test func unreadableRunFolderIsAnError() throws {
        guard getuid() != 0 else { return }  // root reads anything
        let state = try Self.stateDirectory()
        let folder = PidFile.directory(stateDir: state)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0)
        defer { chmod(folder, 0o755) }
        #expect(throws: PidFileError.self) { try PidFile.all(stateDir: state) }
        #expect(ReloadRequest.send(stateDir: state).exitStatus == .ioError)
    }
}
