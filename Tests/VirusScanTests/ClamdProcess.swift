import Foundation
@testable import VirusScan

/// A real clamd started by a test: the project's signatures in a temporary database
/// directory, a TCP socket on a free loopback port and a unix socket in the temporary
/// directory. `stop()` ends it and removes the directory.
final class ClamdProcess {
    static let binary = ["/usr/sbin/clamd", "/usr/bin/clamd"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static var isAvailable: Bool { binary != nil }

    let directory: TemporaryDirectory
    let port: UInt16
    let process = Process()
    var tcp: ClamdAddress { .tcp(host: "127.0.0.1", port: port) }
    var unix: ClamdAddress { .unix(path: directory.file("clamd.sock")) }

    init(streamMaxLength: String = "100M", extraConfiguration: String = "") throws {
        guard let binary = Self.binary else { throw SocketTestError("clamd is not installed") }
        directory = try TemporaryDirectory("clamd")
        try FileManager.default.createDirectory(atPath: directory.file("db"), withIntermediateDirectories: true)
        try directory.copy(TestSignatures.ndb, as: "db/swfilter-test.ndb")
        try directory.copy(TestSignatures.hdb, as: "db/swfilter-test.hdb")
        port = try SilentServer.deadPort()
        try directory.write("clamd.conf", """
            Foreground yes
            DatabaseDirectory \(directory.file("db"))
            LocalSocket \(directory.file("clamd.sock"))
            TCPSocket \(port)
            TCPAddr 127.0.0.1
            PidFile \(directory.file("clamd.pid"))
            LogFile \(directory.file("clamd.log"))
            TemporaryDirectory \(directory.path)
            AlertExceedsMax yes
            StreamMaxLength \(streamMaxLength)
            MaxThreads 4
            SelfCheck 0
            \(extraConfiguration)

            """)
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--config-file=\(directory.file("clamd.conf"))"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        try waitUntilReady()
    }

    /// Polls PING on both sockets, at most 15 s.
    private func waitUntilReady() throws {
        let client = try ClamdClient(addresses: [tcp], options: ClamdClientOptions(connectTimeout: .milliseconds(200), ioTimeout: .seconds(1), retryAfter: .zero))
        let unixClient = try ClamdClient(addresses: [unix], options: ClamdClientOptions(connectTimeout: .milliseconds(200), ioTimeout: .seconds(1), retryAfter: .zero))
        for _ in 0..<150 {
            if !process.isRunning { break }
            if (try? client.ping()) != nil, (try? unixClient.ping()) != nil { return }
            usleep(100_000)
        }
        let log = (try? String(contentsOfFile: directory.file("clamd.log"), encoding: .utf8)) ?? ""
        stop()
        throw SocketTestError("clamd did not start: \(log.suffix(2000))")
    }

    func stop() {
        if process.isRunning {
            process.terminate()
            for _ in 0..<100 where process.isRunning { usleep(50_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            for _ in 0..<100 where process.isRunning { usleep(50_000) }
        }
        directory.remove()
    }
}
