/// Words that make plausible company names such as `Hartmann Logistics GmbH` or
/// `Northwind Foods Ltd`, grouped by the industry the name suggests.
enum CompanyWords {
    /// Each industry with the words a company in it puts after its name.
    static let industries: [(industry: String, sectorWords: [String])] = [
        ("Manufacturing", ["Manufacturing", "Industries", "Precision", "Components", "Metalworks", "Plastics"]),
        ("Logistics", ["Logistics", "Freight", "Transport", "Shipping", "Haulage"]),
        ("Food & Beverage", ["Foods", "Bakeries", "Beverages", "Dairy", "Brewing"]),
        ("Retail", ["Retail", "Stores", "Trading", "Outfitters", "Home & Garden"]),
        ("Healthcare", ["Medical", "Health", "Clinics", "Pharma", "Dental Supplies"]),
        ("Construction", ["Construction", "Builders", "Building Services", "Roofing"]),
        ("Engineering", ["Engineering", "Automation", "Instruments", "Systems"]),
        ("Automotive", ["Automotive", "Motors", "Auto Parts", "Fleet Services"]),
        ("Energy", ["Energy", "Power", "Solar", "Utilities"]),
        ("Professional Services", ["Consulting", "Partners", "Advisory", "Accountants"]),
        ("Financial Services", ["Capital", "Insurance", "Finance", "Leasing"]),
        ("Chemicals", ["Chemicals", "Coatings", "Polymers"]),
        ("Hospitality", ["Hotels", "Catering", "Hospitality"]),
        ("Media", ["Media", "Publishing", "Print"]),
        ("Software & IT", ["Software", "Data", "IT Services", "Networks"]),
        ("Agriculture", ["Agri", "Farms", "Seeds"]),
        ("Education", ["Academy", "Learning", "Training"]),
    ]

    /// First halves of coined names: `North` + `wind`.
    static let coinedPrefixes = [
        "North", "Blue", "Silver", "Oak", "Stone", "River", "Bright", "Iron", "Green", "Summit",
        "Apex", "Clear", "Red", "Sun", "Lake", "West", "East", "High", "Pine", "Star",
        "Golden", "Crown", "Eagle", "Maple", "Alder",
    ]

    /// Second halves of coined names.
    static let coinedRoots = [
        "wind", "field", "bridge", "gate", "stone", "wood", "line", "point", "well", "brook",
        "haven", "ridge", "way", "crest", "mark", "view", "port", "hill",
    ]
}
