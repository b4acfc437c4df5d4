import Testing
@testable import VirusScan

@Suite struct ClamdAddressTests {
    @Test func parsesTheWaysAdminsWriteAddresses() throws {
        #expect(try ClamdAddress(parsing: "tcp://127.0.0.1:3310") == .tcp(host: "127.0.0.1", port: 3310))
        #expect(try ClamdAddress(parsing: "clamav.example.net:4000") == .tcp(host: "clamav.example.net", port: 4000))
        #expect(try ClamdAddress(parsing: "clamav.example.net") == .tcp(host: "clamav.example.net", port: 3310))
        #expect(try ClamdAddress(parsing: "[::1]:3311") == .tcp(host: "::1", port: 3311))
        #expect(try ClamdAddress(parsing: "unix:/run/clamav/clamd.ctl") == .unix(path: "/run/clamav/clamd.ctl"))
        #expect(try ClamdAddress(parsing: " /run/clamav/clamd.ctl ") == .unix(path: "/run/clamav/clamd.ctl"))
        #expect(ClamdAddress.tcp(host: "::1", port: 3311).description == "tcp://[::1]:3311")
    }

    @Test func refusesBadAddresses() {
        for text in ["host:0", "host:99999", "host:port", "unix:relative/path", "[::1", ":3310", ""] {
            #expect(throws: VirusScanError.self, "\(text)") { try ClamdAddress(parsing: text) }
        }
    }
}
