/// The version swfilter reports in `--version` and in the X-Spam-Status header.
public enum SwfilterVersion {
    public static let current = "0.1.0"
}
