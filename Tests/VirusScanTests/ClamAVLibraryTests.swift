import Testing
@testable import VirusScan

@Suite struct ClamAVLibraryTests {
    @Test func linksAgainstLibclamavAndInitialises() throws {
        try ClamAVLibrary.initialise()
        try ClamAVLibrary.initialise()  // a second call is harmless
        let parts = ClamAVLibrary.version.split(separator: ".")
        #expect(parts.count >= 2)
        #expect(Int(parts[0]) != nil)
    }
}
