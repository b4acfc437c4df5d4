import CPCRE2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The mutable PCRE2 state one thread needs to run matches: match data (room for the overall
/// match only), a match context carrying the limits, and a JIT stack. Each thread gets its own,
/// created on first use and freed when the thread ends, so a `CompiledRegex` can be shared by any
/// number of threads without locks.
final class MatchScratch {
    let matchData: OpaquePointer
    /// Room for the groups of patterns with fewer than `captureSlots` groups.
    let captureData: OpaquePointer
    static let captureSlots = 64
    let matchContext: OpaquePointer
    private var jitStack: OpaquePointer?
    private var jitStackBytes = 0
    private var appliedLimits: RegexLimits?

    private init?() {
        guard let data = pcre2_match_data_create_8(1, nil) else { return nil }
        guard let captures = pcre2_match_data_create_8(UInt32(MatchScratch.captureSlots), nil) else {
            pcre2_match_data_free_8(data)
            return nil
        }
        guard let context = pcre2_match_context_create_8(nil) else {
            pcre2_match_data_free_8(data)
            pcre2_match_data_free_8(captures)
            return nil
        }
        matchData = data
        captureData = captures
        matchContext = context
    }

    deinit {
        if let jitStack { pcre2_jit_stack_free_8(jitStack) }
        pcre2_match_context_free_8(matchContext)
        pcre2_match_data_free_8(matchData)
        pcre2_match_data_free_8(captureData)
    }

    /// Sets the limits on the match context when they differ from the last ones used.
    func apply(_ limits: RegexLimits) {
        guard appliedLimits != limits else { return }
        pcre2_set_match_limit_8(matchContext, limits.matchLimit)
        pcre2_set_depth_limit_8(matchContext, limits.depthLimit)
        pcre2_set_heap_limit_8(matchContext, limits.heapLimitKiB)
        if limits.jitStackBytes != jitStackBytes {
            if let jitStack { pcre2_jit_stack_free_8(jitStack) }
            let maximum = max(32 * 1024, limits.jitStackBytes)
            jitStack = pcre2_jit_stack_create_8(min(32 * 1024, maximum), maximum, nil)
            jitStackBytes = limits.jitStackBytes
            // Without a stack of its own the JIT falls back to 32 KiB on the machine stack.
            pcre2_jit_stack_assign_8(matchContext, nil, jitStack.map { UnsafeMutableRawPointer($0) })
        }
        appliedLimits = limits
    }

    /// This thread's scratch (a fresh, unshared one if the thread key could not be made), or nil
    /// if PCRE2 could not allocate one.
    static var current: MatchScratch? {
        guard let threadKey else { return MatchScratch() }
        if let stored = pthread_getspecific(threadKey) {
            return Unmanaged<MatchScratch>.fromOpaque(stored).takeUnretainedValue()
        }
        guard let scratch = MatchScratch() else { return nil }
        if pthread_setspecific(threadKey, Unmanaged.passRetained(scratch).toOpaque()) != 0 {
            Unmanaged.passUnretained(scratch).release()
        }
        return scratch
    }

    private static let threadKey: pthread_key_t? = {
        var key = pthread_key_t()
        let status = pthread_key_create(&key) { stored in
            guard let stored else { return }
            Unmanaged<MatchScratch>.fromOpaque(stored).release()
        }
        return status == 0 ? key : nil
    }()
}
