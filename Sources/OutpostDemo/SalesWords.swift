import OutpostModel

/// Job titles, deal names and activity subjects of a company that sells PCs,
/// monitors and services to businesses.
enum SalesWords {
    static let jobTitles = [
        "Managing Director", "CEO", "CFO", "CTO", "Head of Purchasing", "Purchasing Manager", "Buyer",
        "Procurement Specialist", "IT Manager", "Head of IT", "Office Manager", "Operations Manager",
        "Facility Manager", "Plant Manager", "Finance Director", "Project Manager", "Sales Director",
        "Assistant to the Managing Director",
    ]

    /// What an opportunity is about: `Hartmann Logistics – Workstation refresh`.
    static let dealTopics = [
        "Workstation refresh", "Laptop rollout", "CAD workstations", "New office fit-out", "Monitor upgrade",
        "Service contract renewal", "Framework agreement", "Branch expansion", "Training room equipment",
        "Docking stations", "Server room upgrade", "Remote work kits", "Design studio workstations",
        "Windows 11 migration", "Extended warranty", "Reception and front desk PCs",
    ]

    /// Subjects an activity of the kind may have.
    static func activitySubjects(for kind: ActivityKind) -> [String] {
        switch kind {
        case .call: ["Follow-up call", "Discuss quote", "Check delivery date", "Introductory call",
                     "Clarify requirements", "Call about renewal", "Budget check"]
        case .visit: ["Quarterly business review", "Site visit", "Product demo on site", "Meet the new IT manager",
                      "Requirements workshop", "Visit with technician"]
        case .email: ["Send brochure", "Quote sent", "Answer configuration questions", "Meeting summary",
                      "Send customer references", "Pricing update"]
        case .task: ["Prepare quote", "Update contact details", "Check credit limit", "Plan next visit",
                     "Ask for a reference", "Prepare demo unit"]
        }
    }

    static let activityNotes = [
        "Customer prefers morning appointments.", "Budget approved for next quarter.",
        "Decision expected after the board meeting.", "A competitor offered a lower price.",
        "Needs delivery before the end of the year.", "Asked for a second demo unit.",
        "Interested in the three-year on-site service.", "New purchasing manager since last month.",
    ]
}
