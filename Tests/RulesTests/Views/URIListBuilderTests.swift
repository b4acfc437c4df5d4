import Testing
@testable import Rules

/// `URIListBuilder` canonicalizes a link found both in the text and in an HTML part once; the
/// list must be what the two sources give apart.
@Suite struct URIListBuilderTests {
    private let builder = ViewEnvironment.standard.uriBuilder

    private func strings(_ uris: [[UInt8]]) -> [String] { uris.map { String(decoding: $0, as: UTF8.self) } }

    @Test func sharedLinkGivesTheUnionOfBothSources() {
        let lines = [Array("Visit http://www.example.com/a%2Fb?x=1 or http://no-tld-host/path now\n".utf8)]
        let html = ["http://www.example.com/a%2Fb?x=1", "http://no-tld-host/path", "http://other.example.org/"]
        let together = builder.uris(bodyLines: lines, htmlURIs: html)
        let apart = Set(builder.uris(bodyLines: lines, htmlURIs: []) + builder.uris(bodyLines: [], htmlURIs: html))
        #expect(Set(strings(together)) == Set(strings(Array(apart))))
        #expect(together.count == apart.count)
        #expect(strings(together).contains("http://other.example.org/"))
    }

    @Test func listIsSortedAndUnique() {
        let lines = [Array("http://www.example.com/ http://www.example.com/\n".utf8)]
        let uris = builder.uris(bodyLines: lines, htmlURIs: ["http://www.example.com/"])
        #expect(uris == uris.sorted { $0.lexicographicallyPrecedes($1) })
        #expect(Set(strings(uris)).count == uris.count)
    }

    @Test func memcmpOrderIsLexicographicOrder() {
        let alphabet: [UInt8] = [0x00, 0x2F, 0x61, 0x62, 0x7F, 0x80, 0xFF]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let first = (0..<Int.random(in: 0...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            let second = (0..<Int.random(in: 0...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            #expect(URIListBuilder.precedes(first, second) == first.lexicographicallyPrecedes(second), "\(first) \(second)")
        }
    }
}
