/// Media types of the files people attach, guessed from the extension.
public enum MediaType {
    /// The media type of `fileName`'s extension, or `application/octet-stream`.
    public static func guess(fileName: String) -> String {
        let ext = fileName.split(separator: ".").count > 1 ? String(fileName.split(separator: ".").last!).lowercased() : ""
        return known[ext] ?? "application/octet-stream"
    }

    private static let known: [String: String] = [
        "pdf": "application/pdf", "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "heic": "image/heic",
        "txt": "text/plain", "csv": "text/csv", "html": "text/html", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "zip": "application/zip",
    ]
}
