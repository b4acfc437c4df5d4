import CClamAV
import Glibc

/// Collects libclamav's warnings and errors for the thread that caused them, so a failed load
/// or scan can say why ("Problem parsing database at line 1", "Can't load x.ndb"). libclamav
/// has one process-wide message callback and calls it on the thread doing the work; a
/// thread-specific collector ties each message to its call. Messages outside a capture are
/// dropped rather than written to stderr (the pipe filter's stderr is the MDA's log).
enum ClamAVMessageLog {
    /// Lines kept per capture; a corrupt database can produce one line per bad signature.
    static let maxMessages = 20

    final class Collector {
        var messages: [String] = []
    }

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// Runs `body` with a collector installed for this thread; returns what libclamav said.
    static func capturing<T>(_ body: () -> T) -> (result: T, messages: [String]) {
        let collector = Collector()
        let previous = pthread_getspecific(key)
        let unmanaged = Unmanaged.passRetained(collector)
        pthread_setspecific(key, unmanaged.toOpaque())
        let result = body()
        pthread_setspecific(key, previous)
        unmanaged.release()
        return (result, collector.messages)
    }

    static let callback: clcb_msg = { severity, _, message, _ in
        guard severity == CL_MSG_ERROR || severity == CL_MSG_WARN, let message,
              let slot = pthread_getspecific(key) else { return }
        let collector = Unmanaged<Collector>.fromOpaque(slot).takeUnretainedValue()
        guard collector.messages.count < maxMessages else { return }
        var text = String(cString: message)
        while text.last?.isNewline == true { text.removeLast() }
        collector.messages.append(severity == CL_MSG_ERROR ? text : "warning: \(text)")
    }
}
