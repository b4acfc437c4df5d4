/// How `ClamdClient` talks to clamd: timeouts, chunking, and what it knows of the server's
/// StreamMaxLength.
public struct ClamdClientOptions: Sendable, Hashable {
    /// To open a connection.
    public var connectTimeout: Duration
    /// For each send to make progress, and for a PING or VERSION answer.
    public var ioTimeout: Duration
    /// For the scan result once everything is sent (clamd's MaxScanTime is 120 s by default).
    public var replyTimeout: Duration
    /// Bytes per INSTREAM chunk.
    public var chunkSize: Int
    /// The server's StreamMaxLength when known (clamd's default is 100 MB); larger inputs are
    /// reported as over the limit without being sent. Nil: learnt from the server's refusals.
    public var streamMaxLength: Int?
    /// How long an address that failed is passed over while others answer.
    public var retryAfter: Duration

    public init(
        connectTimeout: Duration = .seconds(5),
        ioTimeout: Duration = .seconds(30),
        replyTimeout: Duration = .seconds(150),
        chunkSize: Int = 64 << 10,
        streamMaxLength: Int? = nil,
        retryAfter: Duration = .seconds(30)
    ) {
        self.connectTimeout = connectTimeout
        self.ioTimeout = ioTimeout
        self.replyTimeout = replyTimeout
        self.chunkSize = chunkSize
        self.streamMaxLength = streamMaxLength
        self.retryAfter = retryAfter
    }
}
