import Glibc

/// One blocking connection to clamd with a deadline on every wait: a non-blocking socket and
/// poll(2). Errors are `VirusScanError`s of kind unreachable (could not connect, connection
/// lost) or timeout. Closed when released.
final class ClamdConnection {
    private let descriptor: Int32
    let address: ClamdAddress

    init(to address: ClamdAddress, timeout: Duration) throws(VirusScanError) {
        self.address = address
        let deadline = ContinuousClock.now + timeout
        switch address {
        case .unix(let path):
            descriptor = try Self.connectUnix(path, address: address, deadline: deadline)
        case .tcp(let host, let port):
            descriptor = try Self.connectTCP(host: host, port: port, address: address, deadline: deadline)
        }
    }

    deinit { close(descriptor) }

    /// Sends all of `bytes`. With `stopIfAnswered`, returns false as soon as the server has
    /// something to say (clamd answers early and hangs up when a stream is over its limit).
    func send(_ bytes: UnsafeRawBufferPointer, timeout: Duration, stopIfAnswered: Bool = false) throws(VirusScanError) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let events = try wait(for: Int16(POLLOUT) | (stopIfAnswered ? Int16(POLLIN) : 0), deadline: ContinuousClock.now + timeout, doing: "sending")
            if stopIfAnswered && events & (Int16(POLLIN) | Int16(POLLHUP)) != 0 { return false }
            let sent = Glibc.send(descriptor, bytes.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            if sent > 0 {
                offset += sent
            } else if sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
                if stopIfAnswered && (errno == EPIPE || errno == ECONNRESET) { return false }
                throw failure("sending", errno)
            }
        }
        return true
    }

    /// Reads one reply: up to a NUL byte (the z-commands' terminator), a newline, or the end
    /// of the stream; at most `limit` bytes.
    func receiveReply(timeout: Duration, limit: Int = 4096) throws(VirusScanError) -> String {
        let deadline = ContinuousClock.now + timeout
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1024)
        while reply.count < limit {
            _ = try wait(for: Int16(POLLIN), deadline: deadline, doing: "waiting for the answer")
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 { break }
            if count < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                if !reply.isEmpty { break }
                throw failure("reading the answer", errno)
            }
            if let end = buffer[..<count].firstIndex(where: { $0 == 0 || $0 == 10 }) {
                reply += buffer[..<end]
                return String(decoding: reply, as: UTF8.self)
            }
            reply += buffer[..<count]
        }
        guard !reply.isEmpty else { throw VirusScanError(.unreachable, "clamd \(address) closed the connection without answering") }
        return String(decoding: reply.prefix(limit), as: UTF8.self)
    }

    private func wait(for events: Int16, deadline: ContinuousClock.Instant, doing what: String) throws(VirusScanError) -> Int16 {
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { throw VirusScanError(.timeout, "clamd \(address) timed out \(what)") }
            var request = pollfd(fd: descriptor, events: events, revents: 0)
            let milliseconds = Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&request, 1, milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                throw failure(what, errno)
            }
            // An error or hang-up is reported by the send or recv that follows.
            if ready > 0 { return request.revents }
        }
    }

    private func failure(_ what: String, _ code: Int32) -> VirusScanError {
        VirusScanError(.unreachable, "clamd \(address): error \(what): \(String(cString: strerror(code)))")
    }

    private static func connectUnix(_ path: String, address: ClamdAddress, deadline: ContinuousClock.Instant) throws(VirusScanError) -> Int32 {
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: socketAddress.sun_path)
        guard bytes.count < capacity else { throw VirusScanError(.invalidSetting, "clamd \(address): socket path longer than \(capacity - 1) bytes") }
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { raw in
            raw.copyBytes(from: bytes)
            raw[bytes.count] = 0
        }
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw VirusScanError(.unreachable, "clamd \(address): socket: \(String(cString: strerror(errno)))") }
        let length = socklen_t(MemoryLayout<sockaddr_un>.size)
        let result = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, length) }
        }
        return try finishConnect(descriptor, result: result, address: address, deadline: deadline)
    }

    private static func connectTCP(host: String, port: UInt16, address: ClamdAddress, deadline: ContinuousClock.Instant) throws(VirusScanError) -> Int32 {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let list else {
            throw VirusScanError(.unreachable, "clamd \(address): cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var lastError = VirusScanError(.unreachable, "clamd \(address): no address for \(host)")
        var entry: UnsafeMutablePointer<addrinfo>? = list
        while let current = entry {
            entry = current.pointee.ai_next
            let descriptor = socket(current.pointee.ai_family, current.pointee.ai_socktype | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), current.pointee.ai_protocol)
            guard descriptor >= 0 else { continue }
            var on: Int32 = 1
            // Small writes (the chunk terminator) must not wait for the server's delayed ACK.
            setsockopt(descriptor, Int32(IPPROTO_TCP), TCP_NODELAY, &on, socklen_t(MemoryLayout<Int32>.size))
            let result = connect(descriptor, current.pointee.ai_addr, current.pointee.ai_addrlen)
            do {
                return try finishConnect(descriptor, result: result, address: address, deadline: deadline)
            } catch {
                lastError = error
            }
        }
        throw lastError
    }

    /// Completes a non-blocking connect; closes the descriptor when it fails.
    private static func finishConnect(_ descriptor: Int32, result: Int32, address: ClamdAddress, deadline: ContinuousClock.Instant) throws(VirusScanError) -> Int32 {
        if result == 0 { return descriptor }
        guard errno == EINPROGRESS || errno == EAGAIN else {
            let error = VirusScanError(.unreachable, "clamd \(address): cannot connect: \(String(cString: strerror(errno)))")
            close(descriptor)
            throw error
        }
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else {
                close(descriptor)
                throw VirusScanError(.timeout, "clamd \(address): timed out connecting")
            }
            var request = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
            let milliseconds = Int32(clamping: left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&request, 1, milliseconds)
            if ready < 0 && errno != EINTR {
                let error = VirusScanError(.unreachable, "clamd \(address): cannot connect: \(String(cString: strerror(errno)))")
                close(descriptor)
                throw error
            }
            if ready <= 0 { continue }
            var code: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length)
            guard code == 0 else {
                close(descriptor)
                throw VirusScanError(.unreachable, "clamd \(address): cannot connect: \(String(cString: strerror(code)))")
            }
            return descriptor
        }
    }
}
