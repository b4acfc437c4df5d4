/// Maps an `eval:` call to its implementation. A function no family implements is unsupported,
/// with the reason `UnsupportedEvals` gives; its rule never hits.
enum EvalRegistry {
    private static let families: [@Sendable (EvalCallSite) -> EvalImplementation?] = [
        BayesEvals.make, HTMLEvals.make, MIMEEvals.make, HeaderEvals.make, BodyEvals.make, ImageEvals.make,
        FreeMailEvals.make, ListEvals.make, URIEvals.make, DefectEvals.make, BounceEvals.make, RelayEvals.make,
    ]

    static func implementation(for site: EvalCallSite) -> EvalImplementation {
        for family in families {
            if let implementation = family(site) { return implementation }
        }
        return .unsupported(UnsupportedEvals.reason(for: site.function))
    }
}
