public import Foundation
public import OutpostModel

/// The company's directory: territories, users and devices, what the server's admin
/// commands (`territory`, `user`, `device`) read and write.
///
/// Both backends implement it: SQLite as part of ``OutpostStore``, PostgreSQL on its
/// own so far. Every method is one transaction; every change to a territory or a user
/// takes the next change sequence value and updates the record's hub state, so devices
/// receive it at their next sync.
public protocol DirectoryStore: Sendable {
    // MARK: Territories

    /// All territories, parents before children, siblings by name.
    func territories() async throws(StoreError) -> [Territory]

    /// Adds a territory.
    /// - Throws: `.duplicate` when its id or name is taken, `.missingReference` for an unknown parent.
    func addTerritory(_ territory: Territory) async throws(StoreError)

    /// Moves a territory under a new parent (`nil`: make it a root).
    /// - Throws: `.notFound` for an unknown id, `.invalid` when the move would make a cycle.
    func moveTerritory(_ id: TerritoryID, under parent: TerritoryID?) async throws(StoreError)

    /// Renames a territory; devices see the new name after their next sync.
    /// - Throws: `.notFound` for an unknown id, `.duplicate` when the name is taken, `.invalid` for a bad name.
    func renameTerritory(_ id: TerritoryID, to name: String) async throws(StoreError)

    /// Removes an empty territory: one without child territories, accounts, leads,
    /// assigned users, quotas or forecast submissions. The removal replicates as a delete.
    /// - Throws: `.notFound` for an unknown id, `.invalid` naming what the territory still holds.
    func removeTerritory(_ id: TerritoryID, now: Date) async throws(StoreError)

    // MARK: Users

    /// All users, by name.
    func users() async throws(StoreError) -> [User]

    /// The user with the given login name, if any.
    func user(named name: String) async throws(StoreError) -> User?

    /// Adds a user with their territories.
    /// - Throws: `.duplicate` when its id or name is taken, `.missingReference` for an unknown territory.
    func addUser(_ user: User) async throws(StoreError)

    /// Replaces the territories a user works.
    func assign(_ userID: UserID, to territories: [TerritoryID]) async throws(StoreError)

    /// Disables the user at `date` (their devices wipe at their next sync, after
    /// uploading what they send), or enables them again with `nil`.
    /// - Throws: `.notFound` for an unknown user.
    func setUserDisabled(_ id: UserID, at date: Date?) async throws(StoreError)

    /// The ids of disabled users.
    func disabledUsers() async throws(StoreError) -> Set<UserID>

    // MARK: Devices

    /// Adds an enrolled device.
    func addDevice(_ device: Device) async throws(StoreError)

    /// All devices, by enrolment time.
    func devices() async throws(StoreError) -> [Device]

    /// Marks a device revoked at `date`; revoking it again keeps the first date.
    /// - Throws: `.notFound` for an unknown device.
    func revokeDevice(_ id: DeviceID, at date: Date) async throws(StoreError)

    /// Marks the device to be retired from `date`: its next syncs upload its pending
    /// changes, then it is told to wipe and is revoked. Asking again keeps the first date.
    /// - Throws: `.notFound` for an unknown device, `.invalid` for a revoked one.
    func retireDevice(_ id: DeviceID, at date: Date) async throws(StoreError)

    /// When each retiring device was marked so.
    func deviceRetirements() async throws(StoreError) -> [DeviceID: Date]

    /// Each enrolled device's replica number (`device 3` in conflicts and logs).
    func deviceNumbers() async throws(StoreError) -> [DeviceID: Int]
}
