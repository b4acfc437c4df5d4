/// The top-level domains a bare name in text must end in to be taken for a host (`example.com`
/// but not `file.txt` or `1.2.3`): the classic generic ones, common newer ones, and every
/// two-letter country code. A compact list, not the whole root zone.
enum TopLevelDomains {
    private static let generic = """
        com net org info biz edu gov mil int arpa name pro mobi asia tel travel jobs aero coop museum cat post xxx \
        xyz top club online site website space tech store shop live life world today icu vip work click link win bid \
        loan men date review stream download racing party trade science cricket faith webcam kim ltd fun buzz monster \
        rest cyou bond sbs cfd lol best email news blog cloud digital network agency company services global group \
        media zone one app dev page art design guru ninja rocks social support center city country host press tokyo \
        london berlin nyc wang ren xin red pink blue black gold money cash loans credit finance bank mba fit gdn cam \
        quest uno ooo bar casa moe lat sale deals promo bet poker casino game games video tube porn sex adult dating \
        love plus help tips zip mov
        """

    private static let countryCodes = """
        ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo bq br bs bt bv bw by bz \
        ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg eh er es et eu fi fj fk fm \
        fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it \
        je jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn \
        mo mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt \
        pw py qa re ro rs ru rw sa sb sc sd se sg sh si sj sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk \
        tl tm tn to tr tt tv tw tz ua ug uk um us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw
        """

    /// Every name, lower-case, packed into a UInt64 (all are at most 8 bytes).
    private static let packed: Set<UInt64> = Set((generic + " " + countryCodes).split(separator: " ").map { name in
        Array(name.utf8).withUnsafeBufferPointer { ASCIIBytes.packLowercase($0.baseAddress!, count: $0.count) }
    })

    /// Whether the `count` bytes at `label` (any case) are a known top-level domain.
    static func contains(_ label: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard count >= 2, count <= 8 else { return false }
        return packed.contains(ASCIIBytes.packLowercase(label, count: count))
    }
}
