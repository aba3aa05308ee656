/// First names and surnames common in one language area, for reps, managers and contacts.
struct PersonNames: Sendable {
    let first: [String]
    let last: [String]

    static let german = PersonNames(
        first: ["Anna", "Lukas", "Julia", "Maximilian", "Laura", "Felix", "Sophie", "Jonas", "Katharina", "Tobias",
                "Lena", "Florian", "Sarah", "Matthias", "Johanna", "Stefan", "Claudia", "Michael", "Sabine", "Thomas",
                "Andrea", "Markus", "Jürgen", "Ute", "Petra", "Jan"],
        last: ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
               "Koch", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Hartmann",
               "Krüger", "Lange", "Werner", "Vogel", "Huber", "Keller", "Frank", "Lehmann", "Kaiser", "Brandt"])

    static let british = PersonNames(
        first: ["Oliver", "Emily", "James", "Charlotte", "Harry", "Sophie", "George", "Olivia", "Thomas", "Amelia",
                "William", "Jessica", "Daniel", "Hannah", "Jack", "Grace", "Samuel", "Lucy", "Matthew", "Eleanor",
                "Rebecca", "Niamh", "Sean", "Ciara"],
        last: ["Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
               "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
               "Murphy", "Kelly", "O'Brien", "Byrne", "Walsh", "Campbell", "Stewart", "MacDonald"])

    static let french = PersonNames(
        first: ["Camille", "Léa", "Louis", "Manon", "Hugo", "Chloé", "Lucas", "Emma", "Antoine", "Julie",
                "Nicolas", "Claire", "Thomas", "Pauline", "Mathieu", "Élodie", "Pierre", "Sophie", "Julien", "Céline",
                "François", "Amélie", "Benoît", "Inès"],
        last: ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
               "Simon", "Laurent", "Lefèvre", "Michel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
               "Rousseau", "Vincent", "Faure", "Mercier", "Blanc", "Guérin", "Chevalier", "Gauthier", "Perrin"])

    static let dutch = PersonNames(
        first: ["Daan", "Emma", "Sem", "Julia", "Lucas", "Sophie", "Milan", "Lotte", "Thijs", "Anouk",
                "Bram", "Sanne", "Jeroen", "Femke", "Ruben", "Eva", "Pieter", "Marieke", "Joris", "Ilse"],
        last: ["de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
               "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer"])

    static let spanish = PersonNames(
        first: ["Lucía", "Hugo", "María", "Martín", "Paula", "Pablo", "Carmen", "Javier", "Laura", "Alejandro",
                "Elena", "Daniel", "Marta", "Sergio", "Ana", "David", "Isabel", "Carlos", "Sofía", "Diego",
                "Alba", "Jorge", "Valentina", "Andrés"],
        last: ["García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Martín",
               "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Álvarez", "Romero", "Navarro", "Torres", "Domínguez",
               "Vázquez", "Ramos", "Castillo", "Ortega", "Morales", "Herrera"])

    static let portuguese = PersonNames(
        first: ["João", "Maria", "Pedro", "Ana", "Tiago", "Beatriz", "Rafael", "Inês", "Miguel", "Mariana",
                "Gabriel", "Carolina", "Lucas", "Juliana", "Bruno", "Fernanda", "Rodrigo", "Camila", "André", "Larissa"],
        last: ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Sousa", "Fernandes",
               "Gonçalves", "Gomes", "Lopes", "Marques", "Alves", "Almeida", "Ribeiro", "Pinto", "Carvalho", "Teixeira",
               "Moreira", "Correia", "Barbosa"])

    static let italian = PersonNames(
        first: ["Giulia", "Francesco", "Sofia", "Alessandro", "Chiara", "Lorenzo", "Martina", "Matteo", "Federica", "Andrea",
                "Elena", "Marco", "Valentina", "Luca", "Silvia", "Giuseppe", "Paola", "Stefano", "Francesca", "Davide"],
        last: ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
               "Bruno", "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti",
               "Barbieri", "Fontana", "Santoro", "Caruso"])

    static let nordic = PersonNames(
        first: ["Erik", "Anna", "Lars", "Ingrid", "Johan", "Emma", "Mikkel", "Sofie", "Anders", "Freja",
                "Nils", "Maja", "Oskar", "Astrid", "Henrik", "Sigrid", "Mats", "Karin", "Jukka", "Aino",
                "Mikko", "Liisa", "Magnus", "Elin"],
        last: ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsen", "Hansen", "Jensen", "Nielsen",
               "Pedersen", "Johansen", "Berg", "Lindqvist", "Lindström", "Haugen", "Bakke", "Virtanen", "Korhonen", "Nieminen",
               "Mäkinen", "Lund", "Dahl", "Holm"])

    static let american = PersonNames(
        first: ["Michael", "Jennifer", "Christopher", "Jessica", "Matthew", "Ashley", "Joshua", "Sarah", "David", "Amanda",
                "Andrew", "Emily", "Ryan", "Megan", "Brandon", "Lauren", "Tyler", "Rachel", "Kevin", "Nicole",
                "Jason", "Stephanie", "Carlos", "Maria", "Kimberly", "Brian"],
        last: ["Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Garcia", "Rodriguez", "Wilson",
               "Martinez", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "Martin", "Lee", "Thompson", "White",
               "Harris", "Clark", "Lewis", "Robinson", "Walker", "Young", "Allen", "Nguyen", "Patel", "Kim"])
}
