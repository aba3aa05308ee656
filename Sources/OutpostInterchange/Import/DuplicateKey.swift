import OutpostModel

/// How names are compared when looking for duplicates.
public enum DuplicateKey {
    /// Lower-case ASCII words joined by dashes, so case, accents, punctuation and
    /// spacing do not matter: `Müller & Söhne, Nord` → `mueller-soehne-nord`.
    public static func normalised(_ text: String) -> String { ASCIIFolding.slug(text) }
}
