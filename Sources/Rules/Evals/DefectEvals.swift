import MailMessage

/// swfilter's own evals over the defects the message parser records:
/// `check_mime_defect('unclosed_boundary')` hits when the message has at least one defect of
/// that kind, `check_mime_defect_count('kind', min[, max])` when the count is in range, and
/// `check_mime_defect_any()` when there is any defect at all.
enum DefectEvals {
    static func make(_ site: EvalCallSite) -> EvalImplementation? {
        let name = site.function
        switch name {
        case "check_mime_defect":
            guard let text = site.text(0) else { return .invalid(name, "needs a defect kind") }
            guard let kind = DefectKind(rawValue: text) else { return .invalid(name, "unknown defect kind '\(text)'") }
            return .test { $0.message.defects.contains { $0.kind == kind } }
        case "check_mime_defect_count":
            guard let text = site.text(0), let low = site.number(1) else { return .invalid(name, "needs a defect kind and a minimum") }
            guard let kind = DefectKind(rawValue: text) else { return .invalid(name, "unknown defect kind '\(text)'") }
            let high = site.bound(2)
            return .test { context in
                let count = Double(context.message.defects.reduce(0) { $0 + ($1.kind == kind ? 1 : 0) })
                return count >= low && (high.map { count <= $0 } ?? true)
            }
        case "check_mime_defect_any":
            return .test { !$0.message.defects.isEmpty }
        default:
            return nil
        }
    }
}
