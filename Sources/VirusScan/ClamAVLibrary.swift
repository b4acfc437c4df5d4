import CClamAV

/// The process-wide libclamav library: `cl_init` runs once, before any engine is built.
/// This is the only Swift file outside VirusScan's engine that touches libclamav's globals.
public enum ClamAVLibrary {
    /// The version of the libclamav the process is linked against (for example "1.4.6").
    public static var version: String {
        String(cString: cl_retver())
    }

    private static let initResult: cl_error_t = cl_init(UInt32(CL_INIT_DEFAULT))

    /// Initialises libclamav once per process; later calls return the first result.
    public static func initialise() throws(ClamAVError) {
        let code = initResult
        guard code == CL_SUCCESS else { throw ClamAVError(code: Int32(code.rawValue), during: "cl_init") }
    }
}

/// A libclamav result code that is not success, with the call that returned it.
public struct ClamAVError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let during: String

    public var description: String {
        "\(during): \(String(cString: cl_strerror(cl_error_t(rawValue: UInt32(code)))))"
    }
}
