import CClamAV

/// A libclamav result code that is not success, with the call that returned it.
public struct ClamAVError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let during: String

    public var description: String {
        "\(during): \(String(cString: cl_strerror(cl_error_t(rawValue: UInt32(code)))))"
    }
}
