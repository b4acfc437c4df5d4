extension SpamAssassinViews {
    /// What the HTML parser recorded for each text/html leaf, one field per element, in a fixed
    /// order (open counts sorted by name): for comparing the views of two builds byte for byte.
    public func htmlStatisticsLines() -> [[UInt8]] {
        var lines: [[UInt8]] = []
        func add(_ label: String, _ value: String) { lines.append(Array("\(label) \(value)".utf8)) }
        func add(_ label: String, _ texts: [[UInt8]]) {
            add(label, "\(texts.count)")
            for text in texts { lines.append(Array("  ".utf8) + text) }
        }
        for scan in htmlScans {
            let statistics = scan.statistics
            add("leaf", "\(scan.leafIndex) leafText=\(scan.scannedLeafText)")
            add("numbers", [statistics.length, statistics.imageArea, statistics.maxSize, statistics.minSize, statistics.tags,
                            statistics.elements, statistics.tagsSeen, statistics.elementsSeen, statistics.closedExtra,
                            statistics.obfuscation, statistics.nonSpaceLength].map(String.init).joined(separator: " "))
            add("flags", [statistics.fontLowContrast, statistics.fontInvalidColor, statistics.fontFaceBad,
                          statistics.formActionMailto, statistics.embeds, statistics.uriTruncated, statistics.iframeSource]
                .map { $0 ? "1" : "0" }.joined())
            add("inside", statistics.inside.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))
            add("charsets", statistics.charsets ?? "<nil>")
            add("comments", statistics.comments)
            add("titles", statistics.titles)
            add("anchors", statistics.anchors)
            add("scripts", statistics.scripts)
            add("rendered", [statistics.rendered])
        }
        return lines
    }

    /// The parsed relays (every field, `no_reverse_dns` included), the unparseable count and the
    /// last trusted index, one line each: for comparing the views of two builds.
    public func relayLines() -> [[UInt8]] {
        guard let relays = headers.relays else { return [] }
        var lines = [Array("unparseable=\(relays.unparseableCount) lastTrusted=\(relays.lastTrustedIndex)".utf8)]
        for (relays, isTrusted) in [(relays.trustedRelays, true), (relays.untrustedRelays, false)] {
            for relay in relays {
                lines.append(Array((relay.text(isInternal: isTrusted) + " noReverseDNS=\(relay.noReverseDNS)").utf8))
            }
        }
        return lines
    }
}
