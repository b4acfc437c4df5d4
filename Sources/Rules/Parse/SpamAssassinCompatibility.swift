/// The SpamAssassin that rule files see by default: version 4.0.1, its configuration features,
/// and the plugins whose rules swfilter's rule engine takes. Network and external-tool plugins
/// (DNSEval, URIDNSBL, SPF, DKIM, DMARC, AskDNS, Razor2, Pyzor, DCC, AWL, TxRep…) are left out;
/// add them to `RuleLoaderOptions.providedPlugins` when an implementation exists.
public enum SpamAssassinCompatibility {
    public static let version = "4.000001"

    private static let plugin = "Mail::SpamAssassin::Plugin::"
    private static let conf = "Mail::SpamAssassin::Conf::"

    public static let providedPlugins: Set<String> = Set([
        "Check", "ReplaceTags", "MIMEHeader", "HeaderEval", "BodyEval", "MIMEEval", "HTMLEval",
        "URIEval", "RelayEval", "WLBLEval", "Bayes", "FreeMail", "ImageInfo", "VBounce", "WelcomeListSubject",
    ].map { plugin + $0 })

    public static let features: Set<String> = Set([
        "feature_originating_ip_headers", "feature_dns_local_ports_permit_avoid", "feature_bayes_auto_learn_on_error",
        "feature_uri_host_listed", "feature_yesno_takes_args", "feature_bug6558_free", "feature_edns",
        "feature_dns_query_restriction", "feature_registryboundaries", "feature_geodb", "feature_dns_block_rule",
        "feature_compile_regexp", "feature_meta_rules_matching", "feature_subjprefix", "feature_bayes_stopwords",
        "feature_get_host", "feature_blocklist_welcomelist", "feature_welcomelist_blocklist",
        "feature_header_address_parser", "feature_local_tests_only", "feature_header_first_last",
        "feature_header_match_many", "feature_capture_rules", "has_tflags_nosubject", "has_tflags_nolog",
        "perl_min_version_5010000",
    ].map { conf + $0 } + [
        "BodyEval::has_check_body_length", "BodyEval::has_plaintext_body_sig_ratio",
        "MIMEEval::has_check_for_ascii_text_illegal", "MIMEEval::has_check_abundant_unicode_ratio",
        "MIMEEval::has_check_qp_ratio", "MIMEHeader::has_all_header", "MIMEHeader::has_tflags_range",
        "MIMEHeader::has_tflags_concat", "MIMEHeader::has_tflags_multiple", "MIMEHeader::has_capture_rules",
        "URIDNSBL::has_tflags_domains_only", "URIDNSBL::has_subtest_for_ranges", "URIDNSBL::has_uridnsbl_for_a",
        "URIDNSBL::has_uridnsbl_a_ns", "URIDNSBL::has_tflags_notrim", "URIDNSBL::has_uridnsbl_skip_mailto",
        "DNSEval::has_tflags_domains_only", "DNSEval::has_tflags_ips_only", "AskDNS::has_tag_header",
        "DKIM::has_arc", "SPF::has_check_for_spf_errors", "SPF::has_check_spf_skipped_noenvfrom",
        "URIDetail::has_host_key",
    ].map { plugin + $0 })
}
