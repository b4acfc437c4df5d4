import Glibc
import Synchronization

/// Scans through one or more clamd servers with INSTREAM, for sites that run one clamd for
/// many filters. Addresses are tried in order; one that fails (refused, timed out, connection
/// lost) is passed over for `retryAfter` while another answers, and every address is tried
/// before a scan gives up. Inputs over the server's StreamMaxLength (configured, or learnt from
/// its "INSTREAM size limit exceeded" refusals) are reported as a limit without being sent.
public final class ClamdClient: VirusScanner {
    public let addresses: [ClamdAddress]
    public let options: ClamdClientOptions
    /// "ClamAV 1.4.6 (clamd)" once `version()` has answered, "clamd" before.
    public var scannerName: String {
        guard let version = state.withLock({ $0.version }) else { return "clamd" }
        return "\(version.prefix { $0 != "/" }) (clamd)"
    }

    private struct State {
        var version: String?
        var downUntil: [ClamdAddress: ContinuousClock.Instant] = [:]
        /// The smallest input the server has refused as too long.
        var smallestRefused: Int?
    }

    private let state = Mutex(State())

    public init(addresses: [ClamdAddress], options: ClamdClientOptions = ClamdClientOptions()) throws(VirusScanError) {
        guard !addresses.isEmpty else { throw VirusScanError(.invalidSetting, "clamd: no address configured") }
        guard options.chunkSize > 0 else { throw VirusScanError(.invalidSetting, "clamd: chunk size must be positive") }
        self.addresses = addresses
        self.options = options
    }

    /// The size from which inputs are not sent, when known.
    public var knownStreamLimit: Int? {
        let refused = state.withLock { $0.smallestRefused }
        let configured = options.streamMaxLength.map { $0 + 1 }
        return [refused, configured].compactMap { $0 }.min()
    }

    public func scan(_ bytes: UnsafeRawBufferPointer, filename: String?) -> VirusScanResult {
        if let limit = knownStreamLimit, bytes.count >= limit { return .limitExceeded(name: VirusScanResult.streamMaxLengthName) }
        var problems: [VirusScanError] = []
        for address in order() {
            do {
                let reply = try instream(bytes, to: address)
                markUp(address)
                let result = ClamdReply.result(of: reply, from: address)
                if result == .limitExceeded(name: VirusScanResult.streamMaxLengthName) {
                    state.withLock { $0.smallestRefused = min($0.smallestRefused ?? .max, bytes.count) }
                }
                return result
            } catch {
                markDown(address)
                problems.append(error)
            }
        }
        let kind: VirusScanError.Kind = problems.allSatisfy { $0.kind == .timeout } ? .timeout : .unreachable
        return .error(VirusScanError(kind, "no clamd answered: " + problems.map(\.message).joined(separator: "; ")))
    }

    /// Asks each address in turn for PONG; returns the first that answers.
    @discardableResult
    public func ping() throws(VirusScanError) -> ClamdAddress {
        let (address, reply) = try command("zPING", expecting: "PONG")
        _ = reply
        return address
    }

    /// The first answering server's version line, e.g. "ClamAV 1.4.6/27300/Sat Nov 28 2026".
    public func version() throws(VirusScanError) -> String {
        let reply = try command("zVERSION", expecting: "ClamAV").reply
        state.withLock { $0.version = reply }
        return reply
    }

    private func command(_ name: String, expecting prefix: String) throws(VirusScanError) -> (address: ClamdAddress, reply: String) {
        var problems: [String] = []
        for address in order() {
            do throws(VirusScanError) {
                let connection = try ClamdConnection(to: address, timeout: options.connectTimeout)
                let request = Array(name.utf8) + [0]
                _ = try request.withUnsafeBytes { raw in
                    Result { () throws(VirusScanError) in try connection.send(raw, timeout: options.ioTimeout) }
                }.get()
                let reply = try connection.receiveReply(timeout: options.ioTimeout)
                guard reply.hasPrefix(prefix) else { throw VirusScanError(.protocolError, "clamd \(address) answered \(name) with \"\(reply.prefix(200))\"") }
                markUp(address)
                return (address, reply)
            } catch {
                markDown(address)
                problems.append(error.message)
            }
        }
        throw VirusScanError(.unreachable, "no clamd answered \(name): " + problems.joined(separator: "; "))
    }

    /// zINSTREAM: the command, then chunks each led by its length (4 bytes, network order),
    /// then a zero length; the answer ends with a NUL.
    private func instream(_ bytes: UnsafeRawBufferPointer, to address: ClamdAddress) throws(VirusScanError) -> String {
        let connection = try ClamdConnection(to: address, timeout: options.connectTimeout)
        let command = Array("zINSTREAM".utf8) + [0]
        var frame = [UInt8](repeating: 0, count: command.count + 4 + options.chunkSize + 4)
        var offset = 0
        var first = true
        var finished = false
        while !finished {
            var used = 0
            if first {
                frame.replaceSubrange(0..<command.count, with: command)
                used = command.count
                first = false
            }
            let length = min(options.chunkSize, bytes.count - offset)
            if length > 0 {
                Self.putLength(length, into: &frame, at: used)
                frame.withUnsafeMutableBytes { raw in
                    (raw.baseAddress! + used + 4).copyMemory(from: bytes.baseAddress! + offset, byteCount: length)
                }
                used += 4 + length
                offset += length
            }
            if offset == bytes.count {
                Self.putLength(0, into: &frame, at: used)
                used += 4
                finished = true
            }
            let whole = try frame.withUnsafeBytes { raw in
                Result { () throws(VirusScanError) in
                    try connection.send(UnsafeRawBufferPointer(rebasing: raw[..<used]), timeout: options.ioTimeout, stopIfAnswered: true)
                }
            }.get()
            // The server spoke before the end: it refuses the stream (too long) or failed.
            if !whole { break }
        }
        return try connection.receiveReply(timeout: options.replyTimeout)
    }

    private static func putLength(_ length: Int, into frame: inout [UInt8], at index: Int) {
        let value = UInt32(length)
        frame[index] = UInt8(value >> 24)
        frame[index + 1] = UInt8((value >> 16) & 0xff)
        frame[index + 2] = UInt8((value >> 8) & 0xff)
        frame[index + 3] = UInt8(value & 0xff)
    }

    /// Addresses that are up, in configured order, then those passed over (oldest failure
    /// first): a scan tries everything before it gives up.
    private func order() -> [ClamdAddress] {
        let now = ContinuousClock.now
        let down = state.withLock { $0.downUntil }
        let up = addresses.filter { (down[$0] ?? now) <= now }
        let resting = addresses.filter { (down[$0] ?? now) > now }.sorted { down[$0]! < down[$1]! }
        return up + resting
    }

    private func markDown(_ address: ClamdAddress) {
        let until = ContinuousClock.now + options.retryAfter
        state.withLock { $0.downUntil[address] = until }
    }

    private func markUp(_ address: ClamdAddress) {
        state.withLock { _ = $0.downUntil.removeValue(forKey: address) }
    }
}
