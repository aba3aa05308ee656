import OutpostModel

/// A country the demo company sells in: how its people are named, its companies'
/// legal forms, its telephone prefix and the currency its deals are priced in.
struct Country: Sendable {
    /// ISO 3166-1 alpha-2 code.
    let code: String
    let callingCode: Int
    let currency: Currency
    let names: PersonNames
    /// Legal-form suffixes, e.g. `GmbH`, `Ltd`.
    let legalForms: [String]
}

/// A leaf sales territory: one rep works it; its accounts sit in its cities.
struct District: Sendable {
    let name: String
    let country: Country
    let cities: [String]
}

/// A group of districts led by a sales manager, e.g. `DACH`.
struct Region: Sendable {
    let name: String
    let districts: [District]
}

/// A top-level division under `World`, e.g. `EMEA`, led by a vice-president.
struct Geo: Sendable {
    let name: String
    let regions: [Region]
}

extension Country {
    static let de = Country(code: "DE", callingCode: 49, currency: .eur, names: .german, legalForms: ["GmbH", "GmbH", "AG", "KG"])
    static let at = Country(code: "AT", callingCode: 43, currency: .eur, names: .german, legalForms: ["GmbH", "AG"])
    static let ch = Country(code: "CH", callingCode: 41, currency: .eur, names: .german, legalForms: ["AG", "GmbH"])
    static let gb = Country(code: "GB", callingCode: 44, currency: .gbp, names: .british, legalForms: ["Ltd", "Ltd", "plc"])
    static let ie = Country(code: "IE", callingCode: 353, currency: .eur, names: .british, legalForms: ["Ltd", "DAC"])
    static let fr = Country(code: "FR", callingCode: 33, currency: .eur, names: .french, legalForms: ["SAS", "SA", "SARL"])
    static let be = Country(code: "BE", callingCode: 32, currency: .eur, names: .french, legalForms: ["SA", "NV", "SRL"])
    static let nl = Country(code: "NL", callingCode: 31, currency: .eur, names: .dutch, legalForms: ["B.V.", "B.V.", "N.V."])
    static let es = Country(code: "ES", callingCode: 34, currency: .eur, names: .spanish, legalForms: ["S.L.", "S.A."])
    static let pt = Country(code: "PT", callingCode: 351, currency: .eur, names: .portuguese, legalForms: ["Lda.", "S.A."])
    static let it = Country(code: "IT", callingCode: 39, currency: .eur, names: .italian, legalForms: ["S.r.l.", "S.p.A."])
    static let se = Country(code: "SE", callingCode: 46, currency: .eur, names: .nordic, legalForms: ["AB"])
    static let dk = Country(code: "DK", callingCode: 45, currency: .eur, names: .nordic, legalForms: ["A/S", "ApS"])
    static let no = Country(code: "NO", callingCode: 47, currency: .eur, names: .nordic, legalForms: ["AS", "ASA"])
    static let fi = Country(code: "FI", callingCode: 358, currency: .eur, names: .nordic, legalForms: ["Oy", "Oyj"])
    static let us = Country(code: "US", callingCode: 1, currency: .usd, names: .american, legalForms: ["Inc.", "LLC", "Corp."])
    static let ca = Country(code: "CA", callingCode: 1, currency: .usd, names: .american, legalForms: ["Inc.", "Ltd."])
    static let mx = Country(code: "MX", callingCode: 52, currency: .usd, names: .spanish, legalForms: ["S.A. de C.V."])
    static let br = Country(code: "BR", callingCode: 55, currency: .usd, names: .portuguese, legalForms: ["Ltda.", "S.A."])
}

/// The demo company's sales organisation: `World › geo › region › district`.
enum Geography {
    /// The district the featured rep works, at every scale.
    static let featuredDistrict = "Bavaria"

    static let geos: [Geo] = [
        Geo(name: "EMEA", regions: [
            Region(name: "DACH", districts: [
                District(name: "Bavaria", country: .de, cities: ["Munich", "Nuremberg", "Augsburg", "Regensburg", "Ingolstadt", "Würzburg", "Erlangen", "Rosenheim"]),
                District(name: "Baden-Württemberg", country: .de, cities: ["Stuttgart", "Karlsruhe", "Mannheim", "Freiburg", "Heidelberg", "Ulm", "Heilbronn"]),
                District(name: "North Rhine-Westphalia", country: .de, cities: ["Cologne", "Düsseldorf", "Dortmund", "Essen", "Bonn", "Münster", "Bielefeld", "Aachen"]),
                District(name: "Hesse", country: .de, cities: ["Frankfurt", "Wiesbaden", "Kassel", "Darmstadt", "Offenbach"]),
                District(name: "Northern Germany", country: .de, cities: ["Hamburg", "Bremen", "Hanover", "Kiel", "Lübeck", "Osnabrück"]),
                District(name: "Eastern Germany", country: .de, cities: ["Berlin", "Leipzig", "Dresden", "Potsdam", "Magdeburg", "Erfurt"]),
                District(name: "Austria", country: .at, cities: ["Vienna", "Graz", "Linz", "Salzburg", "Innsbruck"]),
                District(name: "Switzerland", country: .ch, cities: ["Zurich", "Basel", "Bern", "Lucerne", "St. Gallen"]),
            ]),
            Region(name: "UK & Ireland", districts: [
                District(name: "Greater London", country: .gb, cities: ["London", "Croydon", "Watford", "Slough", "Kingston upon Thames"]),
                District(name: "South of England", country: .gb, cities: ["Reading", "Southampton", "Brighton", "Oxford", "Bristol", "Exeter"]),
                District(name: "Midlands", country: .gb, cities: ["Birmingham", "Nottingham", "Leicester", "Coventry", "Derby"]),
                District(name: "North of England", country: .gb, cities: ["Manchester", "Leeds", "Liverpool", "Sheffield", "Newcastle", "York"]),
                District(name: "Scotland", country: .gb, cities: ["Glasgow", "Edinburgh", "Aberdeen", "Dundee"]),
                District(name: "Ireland", country: .ie, cities: ["Dublin", "Cork", "Galway", "Limerick"]),
            ]),
            Region(name: "France & Benelux", districts: [
                District(name: "Île-de-France", country: .fr, cities: ["Paris", "Boulogne-Billancourt", "Saint-Denis", "Versailles", "Nanterre"]),
                District(name: "Auvergne-Rhône-Alpes", country: .fr, cities: ["Lyon", "Grenoble", "Saint-Étienne", "Annecy", "Clermont-Ferrand"]),
                District(name: "Southern France", country: .fr, cities: ["Marseille", "Toulouse", "Nice", "Montpellier", "Bordeaux"]),
                District(name: "Netherlands", country: .nl, cities: ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "The Hague"]),
                District(name: "Belgium", country: .be, cities: ["Brussels", "Antwerp", "Ghent", "Liège", "Leuven"]),
            ]),
            Region(name: "Southern Europe", districts: [
                District(name: "Madrid", country: .es, cities: ["Madrid", "Alcalá de Henares", "Getafe", "Alcobendas"]),
                District(name: "Catalonia", country: .es, cities: ["Barcelona", "Tarragona", "Girona", "Sabadell"]),
                District(name: "Portugal", country: .pt, cities: ["Lisbon", "Porto", "Braga", "Coimbra"]),
                District(name: "Northern Italy", country: .it, cities: ["Milan", "Turin", "Bologna", "Verona", "Bergamo"]),
                District(name: "Central Italy", country: .it, cities: ["Rome", "Florence", "Naples", "Perugia"]),
            ]),
            Region(name: "Nordics", districts: [
                District(name: "Sweden", country: .se, cities: ["Stockholm", "Gothenburg", "Malmö", "Uppsala"]),
                District(name: "Denmark", country: .dk, cities: ["Copenhagen", "Aarhus", "Odense"]),
                District(name: "Norway", country: .no, cities: ["Oslo", "Bergen", "Trondheim", "Stavanger"]),
                District(name: "Finland", country: .fi, cities: ["Helsinki", "Espoo", "Tampere", "Turku"]),
            ]),
        ]),
        Geo(name: "Americas", regions: [
            Region(name: "US East", districts: [
                District(name: "New York Metro", country: .us, cities: ["New York", "Newark", "Jersey City", "Stamford", "White Plains"]),
                District(name: "New England", country: .us, cities: ["Boston", "Providence", "Hartford", "Worcester", "Manchester"]),
                District(name: "Mid-Atlantic", country: .us, cities: ["Philadelphia", "Baltimore", "Pittsburgh", "Washington", "Richmond"]),
                District(name: "Southeast", country: .us, cities: ["Atlanta", "Charlotte", "Miami", "Orlando", "Tampa", "Raleigh"]),
            ]),
            Region(name: "US Central", districts: [
                District(name: "Texas", country: .us, cities: ["Dallas", "Houston", "Austin", "San Antonio", "Fort Worth"]),
                District(name: "Great Lakes", country: .us, cities: ["Chicago", "Detroit", "Milwaukee", "Cleveland", "Columbus", "Indianapolis"]),
                District(name: "Mountain & Plains", country: .us, cities: ["Denver", "Minneapolis", "Kansas City", "Salt Lake City", "Omaha"]),
            ]),
            Region(name: "US West", districts: [
                District(name: "Northern California", country: .us, cities: ["San Francisco", "San Jose", "Oakland", "Sacramento", "Palo Alto"]),
                District(name: "Southern California", country: .us, cities: ["Los Angeles", "San Diego", "Irvine", "Long Beach", "Pasadena"]),
                District(name: "Pacific Northwest", country: .us, cities: ["Seattle", "Portland", "Tacoma", "Spokane", "Boise"]),
            ]),
            Region(name: "Canada", districts: [
                District(name: "Ontario", country: .ca, cities: ["Toronto", "Ottawa", "Mississauga", "Hamilton", "London"]),
                District(name: "Quebec", country: .ca, cities: ["Montreal", "Quebec City", "Laval", "Gatineau", "Sherbrooke"]),
                District(name: "Western Canada", country: .ca, cities: ["Vancouver", "Calgary", "Edmonton", "Winnipeg", "Victoria"]),
            ]),
            Region(name: "Latin America", districts: [
                District(name: "Mexico", country: .mx, cities: ["Mexico City", "Monterrey", "Guadalajara", "Puebla", "Querétaro"]),
                District(name: "Brazil", country: .br, cities: ["São Paulo", "Rio de Janeiro", "Belo Horizonte", "Curitiba", "Porto Alegre"]),
            ]),
        ]),
    ]
}
