/// What SpamAssassin's HTML parser found in one text/html leaf while the `body` view was
/// rendered, keyed by the leaf's position so that other evals reuse the scan.
struct HTMLLeafScan: Sendable {
    /// The leaf's index among the message's leaves, depth first, embedded messages included
    /// (`BodyRenderer.leavesWithContainer` order).
    let leafIndex: Int
    /// Whether the scanned source was the leaf's own `text` (and not a text decoded again).
    let scannedLeafText: Bool
    let statistics: HTMLStatistics
}
