import CClamAV

/// The process-wide libclamav library: `cl_init` runs once, before any engine is built, and
/// libclamav's log messages are routed to `ClamAVMessageLog` instead of stderr.
public enum ClamAVLibrary {
    /// The version of the libclamav the process is linked against (for example "1.4.6").
    public static var version: String {
        String(cString: cl_retver())
    }

    private static let initResult: cl_error_t = {
        // libclamav asks for the message callback to be set before going multithreaded; the
        // first engine is built before any scanning thread can use it.
        cl_set_clcb_msg(ClamAVMessageLog.callback)
        return cl_init(UInt32(CL_INIT_DEFAULT))
    }()

    /// Initialises libclamav once per process; later calls return the first result.
    public static func initialise() throws(ClamAVError) {
        let code = initResult
        guard code == CL_SUCCESS else { throw ClamAVError(code: Int32(code.rawValue), during: "cl_init") }
    }
}
