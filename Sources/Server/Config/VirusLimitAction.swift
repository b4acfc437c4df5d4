/// `virus.on_limit`: what a part that exceeds a ClamAV scan limit gets.
public enum VirusLimitAction: String, Sendable, CaseIterable, ConfigChoice {
    case reject, tempfail, accept
}
