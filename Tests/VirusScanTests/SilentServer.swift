import Glibc

/// A TCP listener on 127.0.0.1 (port chosen by the system) that never accepts: the kernel
/// completes connections into its backlog and nothing ever answers. What a hung clamd looks
/// like to a client. Closed by `close()`.
final class SilentServer {
    let port: UInt16
    private let descriptor: Int32

    init() throws {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw SocketTestError("socket failed") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 16) == 0 else {
            Glibc.close(descriptor)
            throw SocketTestError("bind/listen failed")
        }
        self.descriptor = descriptor
        port = try Self.localPort(of: descriptor)
    }

    func close() { Glibc.close(descriptor) }

    /// A loopback port nothing listens on: bound, read, and released again.
    static func deadPort() throws -> UInt16 {
        let server = try SilentServer()
        let port = server.port
        server.close()
        return port
    }

    static func localPort(of descriptor: Int32) throws -> UInt16 {
        var address = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let result = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard result == 0 else { throw SocketTestError("getsockname failed") }
        return UInt16(bigEndian: address.sin_port)
    }
}

struct SocketTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
