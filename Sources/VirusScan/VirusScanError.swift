/// Why a virus scan could not give an answer. The kind decides which failure policy applies
/// (`VirusScanPolicy`); the message says what happened in words an admin can act on.
public struct VirusScanError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// No engine: the signatures could not be loaded (and no older engine is there to use).
        case engineUnavailable = "engine_unavailable"
        /// A signature file or directory could not be read or parsed.
        case signatureLoad = "signature_load"
        /// The signature sources held no signature at all.
        case noSignatures = "no_signatures"
        /// No clamd address answered (refused, unreachable, name not found).
        case unreachable
        /// A clamd did not answer in time.
        case timeout
        /// clamd answered something that is not a scan result.
        case protocolError = "protocol_error"
        /// The engine itself failed on this input (libclamav error code).
        case scanFailed = "scan_failed"
        /// A setting is out of range (bad address, bad limit).
        case invalidSetting = "invalid_setting"
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
