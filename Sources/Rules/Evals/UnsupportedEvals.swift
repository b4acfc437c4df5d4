/// Why the eval functions swfilter does not run are missing: most ask the network (DNS
/// blocklists, DKIM, SPF, DMARC, collaborative hash services), some need data swfilter does not
/// parse (PDF contents, language models).
enum UnsupportedEvals {
    static func reason(for function: String) -> String {
        let network = "needs the network, which swfilter's rule engine does not use"
        switch function {
        case _ where function.hasPrefix("check_rbl") || function.hasPrefix("check_dns") || function == "check_uridnsbl"
            || function == "check_hashbl_bodyre"
            || function.hasPrefix("check_hashbl") || function == "check_senders_reputation" || function == "check_access_database":
            return "\(function): DNS or reputation lookup; \(network)"
        case _ where function.hasPrefix("check_dkim") || function.hasPrefix("check_for_dkim") || function.hasPrefix("check_for_def_dkim")
            || function.hasPrefix("check_arc"):
            return "\(function): DKIM/ARC signature check; \(network)"
        case _ where function.hasPrefix("check_for_spf") || function.hasPrefix("check_for_def_spf"):
            return "\(function): SPF check; \(network)"
        case _ where function.hasPrefix("check_dmarc"):
            return "\(function): DMARC check; \(network)"
        case _ where function.hasPrefix("check_razor") || function.hasPrefix("check_pyzor") || function.hasPrefix("check_dcc"):
            return "\(function): collaborative hash service; \(network)"
        case _ where function.hasPrefix("check_from_in_auto") || function.hasPrefix("check_to_in_auto"):
            return "\(function): needs the auto-welcomelist (AWL/TxRep) database"
        case _ where function.hasPrefix("pdf_"):
            return "\(function): needs PDF parsing, not implemented"
        case "check_language", "check_body_8bits":
            return "\(function): needs TextCat language detection, not implemented"
        case "short_url", "short_url_chained", "short_url_404", "short_url_code":
            return "\(function): URL shortener resolution; \(network)"
        case "check_shortcircuit":
            return "\(function): Shortcircuit plugin, not implemented"
        default:
            return "\(function): eval function not implemented"
        }
    }
}
