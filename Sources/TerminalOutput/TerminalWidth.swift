import Glibc

/// How wide the terminal is, so tables fit it instead of a fixed 80 columns.
public enum TerminalWidth {
    /// The columns of the terminal on standard output; `COLUMNS` when it is not a
    /// terminal (or the size is unknown) and that is set; else 80.
    public static var columns: Int {
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col >= 20 {
            return Int(size.ws_col)
        }
        if let text = getenv("COLUMNS").map({ String(cString: $0) }), let columns = Int(text), columns >= 20 { return columns }
        return 80
    }
}
