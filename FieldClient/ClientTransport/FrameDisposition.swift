/// The frame callback's answer: whether the response continues.
public enum FrameDisposition: Sendable {
    /// More frames belong to this response.
    case more
    /// This frame was the last; the exchange ends successfully.
    case done
}
