extension Schema {
    /// `"user".disabled_at`: when an admin disabled the user (NULL: enabled). A disabled
    /// user's devices are told to wipe at their next sync, after their writes apply.
    static let adminUserDisabled = [
        #"ALTER TABLE "user" ADD COLUMN disabled_at INTEGER"#,
    ]
}
