import OutpostModel
import OutpostStore

extension DemoGenerator {
    /// Adds the territory tree and its people: an admin, the order desk, a manager on every
    /// inner territory and a rep on every staffed district.
    /// - Returns: the staffed districts in tree order.
    mutating func addOrganisation() -> [StaffedDistrict] {
        addUser(login: "admin", displayName: "Administrator", role: .admin, territories: [])
        addUser(login: "desk", displayName: "Order Desk", role: .desk, territories: [])
        let world = addTerritory("World", parent: nil)
        addManager(of: world, names: .british)
        var staffed: [StaffedDistrict] = []
        for geo in Geography.geos {
            let regions = geo.regions.compactMap { region in
                let districts = region.districts.filter { scale.staffedDistricts?.contains($0.name) ?? true }
                return districts.isEmpty ? nil : Region(name: region.name, districts: districts)
            }
            guard let firstRegion = regions.first else { continue }
            let geoID = addTerritory(geo.name, parent: world)
            addManager(of: geoID, names: firstRegion.districts[0].country.names)
            for region in regions {
                let regionID = addTerritory(region.name, parent: geoID)
                addManager(of: regionID, names: region.districts[0].country.names)
                for district in region.districts {
                    staffed.append(addDistrict(district, parent: regionID))
                }
            }
        }
        return staffed
    }

    private mutating func addDistrict(_ district: District, parent: TerritoryID) -> StaffedDistrict {
        let territoryID = addTerritory(district.name, parent: parent)
        let isFeatured = district.name == Geography.featuredDistrict
        let repID: UserID
        if isFeatured {
            repID = addUser(login: DemoCompany.featuredRep(for: scale), displayName: "Anna Berger", role: .rep,
                            territories: [territoryID])
        } else {
            repID = addPerson(role: .rep, names: district.country.names, territories: [territoryID])
        }
        let accountCount = isFeatured ? scale.featuredAccounts : random.int(in: scale.otherAccounts)
        return StaffedDistrict(district: district, territoryID: territoryID, repID: repID,
                               accountCount: accountCount, isFeatured: isFeatured)
    }

    private mutating func addTerritory(_ name: String, parent: TerritoryID?) -> TerritoryID {
        let territory = Territory(id: TerritoryID(random.uuid()), name: name, parentID: parent)
        batch.territories.append(territory)
        return territory.id
    }

    private mutating func addManager(of territory: TerritoryID, names: PersonNames) {
        addPerson(role: .manager, names: names, territories: [territory])
    }

    /// Adds a user with a drawn name and a `first.last` login, numbered when taken.
    @discardableResult
    private mutating func addPerson(role: Role, names: PersonNames, territories: [TerritoryID]) -> UserID {
        let first = random.pick(names.first), last = random.pick(names.last)
        let base = "\(ASCIIFolding.word(first)).\(ASCIIFolding.word(last))"
        var login = base
        var number = 1
        while takenLogins.contains(login) {
            number += 1
            login = "\(base)\(number)"
        }
        return addUser(login: login, displayName: "\(first) \(last)", role: role, territories: territories)
    }

    @discardableResult
    private mutating func addUser(login: String, displayName: String, role: Role, territories: [TerritoryID]) -> UserID {
        takenLogins.insert(login)
        let user = User(id: UserID(random.uuid()), name: login, displayName: displayName, role: role,
                        territoryIDs: territories)
        batch.users.append(user)
        return user.id
    }
}
