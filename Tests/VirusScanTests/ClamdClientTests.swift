import Foundation
import Testing
@testable import VirusScan

/// Against a real clamd that each test starts on loopback; skipped when clamd is absent.
@Suite(.enabled(if: ClamdProcess.isAvailable, "clamd (clamav-daemon) is not installed"))
struct ClamdClientTests {
    @Test func scansOverTCPAndTheUnixSocket() throws {
        let clamd = try ClamdProcess()
        defer { clamd.stop() }
        for address in [clamd.tcp, clamd.unix] {
            let client = try ClamdClient(addresses: [address])
            #expect(try client.ping() == address)
            #expect(client.scannerName == "clamd")
            #expect(try client.version().hasPrefix("ClamAV 1."))
            #expect(client.scannerName == "ClamAV \(ClamAVLibrary.version) (clamd)")
            #expect(client.scan(TestSignatures.eicar) == .infected(name: TestSignatures.eicarName))
            #expect(client.scan(Array("nothing to see here".utf8)) == .clean)
            #expect(client.scan([UInt8]()) == .clean)
        }
    }

    @Test func sendsLargeInputsInChunks() throws {
        let clamd = try ClamdProcess()
        defer { clamd.stop() }
        let client = try ClamdClient(addresses: [clamd.unix], options: ClamdClientOptions(chunkSize: 1000))
        var large = [UInt8](repeating: 0x2e, count: 3 << 20)
        large.replaceSubrange(large.count - 100..<large.count - 100 + TestSignatures.eicar.count, with: TestSignatures.eicar)
        #expect(client.scan(large) == .infected(name: TestSignatures.eicarName))
    }

    @Test(.enabled(if: TestSignatures.testFilesPresent, "clamav-testfiles is not installed"))
    func agreesWithTheEngineOnEveryTestFile() throws {
        let clamd = try ClamdProcess()
        defer { clamd.stop() }
        let client = try ClamdClient(addresses: [clamd.unix])
        for file in TestSignatures.testFiles() {
            #expect(client.scan(file.bytes) == TestSignatures.sharedEngine.scan(file.bytes), "\(file.name)")
        }
    }

    @Test func learnsTheServersStreamMaxLength() throws {
        let clamd = try ClamdProcess(streamMaxLength: "1M")
        defer { clamd.stop() }
        let client = try ClamdClient(addresses: [clamd.tcp])
        #expect(client.knownStreamLimit == nil)
        let tooLong = [UInt8](repeating: 0x41, count: 3 << 20)
        #expect(client.scan(tooLong) == .limitExceeded(name: VirusScanResult.streamMaxLengthName))
        #expect(client.knownStreamLimit == tooLong.count)
        // Known now: not sent again, and smaller inputs still go through.
        #expect(client.scan(tooLong + [0]) == .limitExceeded(name: VirusScanResult.streamMaxLengthName))
        #expect(client.scan(TestSignatures.eicar) == .infected(name: TestSignatures.eicarName))
    }

    @Test func failsOverFromADeadAddress() throws {
        let clamd = try ClamdProcess()
        defer { clamd.stop() }
        let dead = ClamdAddress.tcp(host: "127.0.0.1", port: try SilentServer.deadPort())
        let missing = ClamdAddress.unix(path: clamd.directory.file("no-such.sock"))
        let client = try ClamdClient(addresses: [dead, missing, clamd.tcp])
        #expect(client.scan(TestSignatures.eicar) == .infected(name: TestSignatures.eicarName))
        #expect(try client.ping() == clamd.tcp)
    }

    @Test func aHungServerTimesOutAndTheNextOneAnswers() throws {
        let clamd = try ClamdProcess()
        defer { clamd.stop() }
        let silent = try SilentServer()
        defer { silent.close() }
        let options = ClamdClientOptions(connectTimeout: .seconds(1), ioTimeout: .seconds(1), replyTimeout: .seconds(1))
        let client = try ClamdClient(addresses: [.tcp(host: "127.0.0.1", port: silent.port), clamd.tcp], options: options)
        let start = ContinuousClock.now
        #expect(client.scan(TestSignatures.eicar) == .infected(name: TestSignatures.eicarName))
        #expect(ContinuousClock.now - start < .seconds(5))
        // The hung address now rests: the next scan goes straight to the one that works
        // (asking the hung one again would wait its 1 s timeout first).
        let second = ContinuousClock.now
        #expect(client.scan(TestSignatures.eicar) == .infected(name: TestSignatures.eicarName))
        #expect(ContinuousClock.now - second < .milliseconds(900))
    }
}

/// No clamd needed: what the client says when nothing answers.
@Suite struct ClamdClientFailureTests {
    @Test func aServerThatAcceptsButNeverAnswersIsATimeout() throws {
        let silent = try SilentServer()
        defer { silent.close() }
        let client = try ClamdClient(addresses: [.tcp(host: "127.0.0.1", port: silent.port)],
                                     options: ClamdClientOptions(ioTimeout: .milliseconds(200), replyTimeout: .milliseconds(200)))
        let start = ContinuousClock.now
        guard case .error(let error) = client.scan(TestSignatures.eicar) else {
            Issue.record("a silent server gave a result")
            return
        }
        #expect(error.kind == .timeout)
        #expect(error.message.contains("timed out"))
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(throws: VirusScanError.self) { try client.ping() }
    }

    @Test func aLargeInputToAServerThatNeverReadsTimesOutWhileSending() throws {
        let silent = try SilentServer()
        defer { silent.close() }
        let client = try ClamdClient(addresses: [.tcp(host: "127.0.0.1", port: silent.port)],
                                     options: ClamdClientOptions(ioTimeout: .milliseconds(200), replyTimeout: .milliseconds(200)))
        let start = ContinuousClock.now
        guard case .error(let error) = client.scan([UInt8](repeating: 1, count: 64 << 20)) else {
            Issue.record("a silent server gave a result")
            return
        }
        #expect(error.kind == .timeout)
        #expect(error.message.contains("sending"))
        #expect(ContinuousClock.now - start < .seconds(3))
    }

    @Test func noServerAtAllIsUnreachableAndNamesEveryAddress() throws {
        let port = try SilentServer.deadPort()
        let client = try ClamdClient(addresses: [.tcp(host: "127.0.0.1", port: port), .unix(path: "/nonexistent/clamd.sock")])
        guard case .error(let error) = client.scan(TestSignatures.eicar) else {
            Issue.record("no server, yet a result")
            return
        }
        #expect(error.kind == .unreachable)
        #expect(error.message.contains("127.0.0.1:\(port)"))
        #expect(error.message.contains("/nonexistent/clamd.sock"))
    }

    @Test func aConfiguredStreamMaxLengthIsNotSentAtAll() throws {
        let client = try ClamdClient(addresses: [.unix(path: "/nonexistent/clamd.sock")], options: ClamdClientOptions(streamMaxLength: 1000))
        #expect(client.scan([UInt8](repeating: 0, count: 1001)) == .limitExceeded(name: VirusScanResult.streamMaxLengthName))
    }

    @Test func readsClamdsAnswers() {
        let address = ClamdAddress.unix(path: "/x")
        #expect(ClamdReply.result(of: "stream: OK", from: address) == .clean)
        #expect(ClamdReply.result(of: "stream: Eicar-Test-Signature FOUND", from: address) == .infected(name: "Eicar-Test-Signature"))
        #expect(ClamdReply.result(of: "stream: Heuristics.Limits.Exceeded.MaxFileSize FOUND", from: address)
            == .limitExceeded(name: "Heuristics.Limits.Exceeded.MaxFileSize"))
        #expect(ClamdReply.result(of: "INSTREAM size limit exceeded. ERROR", from: address) == .limitExceeded(name: VirusScanResult.streamMaxLengthName))
        guard case .error(let error) = ClamdReply.result(of: "stream: Can't allocate memory ERROR", from: address) else {
            Issue.record("an ERROR answer was taken for a result")
            return
        }
        #expect(error.kind == .scanFailed)
        guard case .error(let garbage) = ClamdReply.result(of: "HELLO", from: address) else {
            Issue.record("garbage was taken for a result")
            return
        }
        #expect(garbage.kind == .protocolError)
    }
}
