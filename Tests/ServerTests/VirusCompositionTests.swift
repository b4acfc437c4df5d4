import Filter
import ScanModel
import Testing
@testable import Server

@Suite struct VirusCompositionTests {
    /// Built at run time so that no file of the repository is itself the test virus.
    static let eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"

    static func message(attaching payload: String) -> [UInt8] {
        let base64 = Base64ForTests.encode(Array(payload.utf8))
        return Array("""
            From: a@example.net\r
            To: b@example.org\r
            Subject: see attached\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="b"\r
            \r
            --b\r
            Content-Type: text/plain\r
            \r
            hello\r
            --b\r
            Content-Type: application/octet-stream; name="t.com"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(base64)\r
            --b--\r

            """.utf8)
    }

    @Test func theDefaultConfigurationCatchesEICARWithTheProjectSignatures() {
        let filter = EngineFactory.pipeFilter(for: .defaults)
        let outcome = filter.process(Self.message(attaching: Self.eicar))
        let text = String(decoding: outcome.output, as: UTF8.self)
        #expect(text.contains("X-Virus-Status: Infected (Swfilter.Test.EICAR"))
        #expect(outcome.result?.report.viruses.first?.filename == "t.com")
        let clean = EngineFactory.pipeFilter(for: .defaults).process(Self.message(attaching: "harmless"))
        #expect(String(decoding: clean.output, as: UTF8.self).contains("X-Virus-Status: Clean"))
    }

    @Test func disabledMeansNoVirusHeaders() {
        var config = SwfilterConfig.defaults
        config.virus.enabled = false
        let text = String(decoding: EngineFactory.pipeFilter(for: config).process(Self.message(attaching: Self.eicar)).output, as: UTF8.self)
        #expect(!text.contains("X-Virus-"))
    }

    @Test func aDeadClamdTempfailsByDefaultAndPassesWhenFailingOpen() {
        var config = SwfilterConfig.defaults
        config.virus.backend = .clamd
        config.virus.clamdAddresses = ["unix:/nonexistent/swfilter-test/clamd.sock"]
        config.virus.clamdTimeout = 1
        let closed = EngineFactory.engine(for: config, log: { _ in }).scan(Self.message(attaching: "harmless"))
        #expect(closed.verdict.action == .tempfail)
        #expect(closed.verdict.refusal?.code == 451)
        config.virus.onFailure = .pass
        let open = EngineFactory.engine(for: config, log: { _ in }).scan(Self.message(attaching: "harmless"))
        #expect(open.verdict.action == .accept)
        #expect(open.report.failures.map(\.mode) == [.failOpen])
    }

    @Test func signaturesComeFromTheDirectoryTheRulesAndTheExtraFiles() {
        var config = SwfilterConfig.defaults
        config.general.rulesDir = "/srv/rules"
        config.virus.extraSignatures = ["/etc/swfilter/local.ndb"]
        let settings = VirusComposition.engineSettings(for: config)
        #expect(settings.signatureDirectory == "/var/lib/clamav")
        #expect(settings.extraSignatureFiles == ["/srv/rules/clamav", "/etc/swfilter/local.ndb"])
        config.virus.projectSignatures = false
        #expect(VirusComposition.engineSettings(for: config).extraSignatureFiles == ["/etc/swfilter/local.ndb"])
    }
}

/// Plain base64 for building test messages.
enum Base64ForTests {
    static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = (UInt32(chunk[0]) << 16) | (UInt32(chunk.count > 1 ? chunk[1] : 0) << 8) | UInt32(chunk.count > 2 ? chunk[2] : 0)
            out.append(alphabet[Int(value >> 18 & 63)])
            out.append(alphabet[Int(value >> 12 & 63)])
            out.append(chunk.count > 1 ? alphabet[Int(value >> 6 & 63)] : UInt8(ascii: "="))
            out.append(chunk.count > 2 ? alphabet[Int(value & 63)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
