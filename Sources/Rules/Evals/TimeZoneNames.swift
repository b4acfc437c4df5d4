/// Time zone abbreviations SpamAssassin accepts in dates, with their offset from UTC in seconds.
enum TimeZoneNames {
    static let offsets: [String: Int] = [
        "UT": 0, "UTC": 0, "NDT": -9000, "AST": -14400, "ADT": -10800, "NST": -12600, "EST": -18000, "EDT": -14400,
        "CST": -21600, "CDT": -18000, "MST": -25200, "MDT": -21600, "PST": -28800, "PDT": -25200, "HST": -36000,
        "AKST": -32400, "AKDT": -28800, "HADT": -32400, "HAST": -36000, "GMT": 0, "BST": 3600, "IST": 3600, "WET": 0,
        "WEST": 3600, "CET": 3600, "CEST": 7200, "EET": 7200, "EEST": 10800, "MSK": 10800, "MSD": 14400, "MET": 3600,
        "MEZ": 3600, "MEST": 7200, "MESZ": 7200, "BRST": -7200, "BRT": -10800, "AEST": 36000, "AEDT": 39600,
        "ACST": 34200, "ACDT": 37800, "AWST": 28800, "NZST": 43200, "NZDT": 46800, "JST": 32400, "KST": 32400,
        "HKT": 28800, "SGT": 28800, "PHT": 28800, "IDT": 10800
    ]
}
