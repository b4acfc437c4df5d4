#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `RuleEvaluator` spends its time, summed over the messages evaluated with it: per phase
/// (building the views, each rule kind, the metas) and per rule. Timing every rule costs time
/// itself, so these figures are for finding costs, not for quoting; a profile made with
/// `timesRules` false times the phases alone, whose figures then hold. One per thread.
public final class RuleProfile {
    public enum Phase: Int, CaseIterable, Sendable, CustomStringConvertible {
        case views, header, mimeheader, exists, bodyPrefilter, body, rawbody, full, uri, eval, meta

        public var description: String {
            switch self {
            case .views: "views"
            case .header: "header"
            case .mimeheader: "mimeheader"
            case .exists: "exists"
            case .bodyPrefilter: "body prefilter"
            case .body: "body"
            case .rawbody: "rawbody"
            case .full: "full"
            case .uri: "uri"
            case .eval: "eval"
            case .meta: "meta"
            }
        }
    }

    public private(set) var phaseSeconds = [Double](repeating: 0, count: Phase.allCases.count)
    /// Indexed by `RuleID.index`.
    public private(set) var ruleSeconds: [Double]
    /// How many messages ran the rule (it was not skipped).
    public private(set) var ruleRuns: [Int]

    /// Whether each rule is timed (`ruleSeconds`, `ruleRuns`) as well as each phase.
    public let timesRules: Bool

    public init(ruleCount: Int, timesRules: Bool = true) {
        self.timesRules = timesRules
        ruleSeconds = Array(repeating: 0, count: ruleCount)
        ruleRuns = Array(repeating: 0, count: ruleCount)
    }

    public func seconds(in phase: Phase) -> Double { phaseSeconds[phase.rawValue] }

    /// This thread's CPU seconds: on a shared machine, wall time would count the waits for a core.
    func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    func add(_ phase: Phase, since start: Double) {
        add(phase, seconds: now() - start)
    }

    func add(_ phase: Phase, seconds: Double) {
        phaseSeconds[phase.rawValue] += seconds
    }

    func add(_ id: RuleID, since start: Double) {
        guard timesRules, id.index < ruleSeconds.count else { return }
        ruleSeconds[id.index] += now() - start
        ruleRuns[id.index] += 1
    }
}
