/// WLBLEval and WelcomeListSubject: senders, recipients and subjects on the lists the
/// configuration builds (`welcomelist_from`, `blocklist_to`, `enlist_addrlist (NAME)`…).
/// The lists that need Received-header relay data (`*_rcvd`, default welcomelist) never match.
enum ListEvals {
    static func make(_ site: EvalCallSite) -> EvalImplementation? {
        let name = site.function
        let configuration = site.configuration
        func fromIn(_ list: String) -> EvalImplementation {
            guard let addresses = configuration.list(list) else { return .test { _ in false } }
            // a closure rather than the method itself, which would copy the list on every test
            return .test { $0.allFromAddressesLowercased.contains { addresses.contains(lowercased: $0) } }
        }
        func toIn(_ list: String) -> EvalImplementation {
            guard let addresses = configuration.list(list) else { return .test { _ in false } }
            return .test { $0.allToAddressesLowercased.contains { addresses.contains(lowercased: $0) } }
        }
        switch name {
        case "check_from_in_blocklist", "check_from_in_blacklist": return fromIn("blocklist_from")
        case "check_from_in_welcomelist", "check_from_in_whitelist": return fromIn("welcomelist_from")
        case "check_to_in_blocklist", "check_to_in_blacklist": return toIn("blocklist_to")
        case "check_to_in_welcomelist", "check_to_in_whitelist": return toIn("welcomelist_to")
        case "check_to_in_more_spam": return toIn("more_spam_to")
        case "check_to_in_all_spam": return toIn("all_spam_to")
        case "check_from_in_list", "check_to_in_list":
            guard let list = site.text(0) else { return .invalid(name, "needs a list name") }
            return name == "check_from_in_list" ? fromIn(list) : toIn(list)
        case "check_replyto_in_list":
            guard let list = site.text(0) else { return .invalid(name, "needs a list name") }
            guard let addresses = configuration.list(list) else { return .test { _ in false } }
            return .test { context in
                let replyTo = context.scalar(.replyToAddress)
                return !replyTo.isEmpty && addresses.contains(replyTo)
            }
        case "check_from_in_default_welcomelist", "check_from_in_default_whitelist",
             "check_forged_in_welcomelist", "check_forged_in_whitelist",
             "check_forged_in_default_welcomelist", "check_forged_in_default_whitelist":
            // Only the *_rcvd lists feed these; without relay data none of them matches.
            return .test { _ in false }
        case "check_subject_in_welcomelist", "check_subject_in_whitelist", "check_subject_in_blocklist", "check_subject_in_blacklist":
            let list = name.contains("welcome") || name.contains("white") ? "welcomelist_subject" : "blocklist_subject"
            guard let subjects = configuration.subjectLists[list] else { return .test { _ in false } }
            return .test { context in
                var subject = context.scalar(.subject)
                if subject.hasSuffix("\n") { subject.removeLast() }
                return !subject.isEmpty && subjects.contains(subject)
            }
        default:
            return nil
        }
    }
}
