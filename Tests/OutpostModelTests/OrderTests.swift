import OutpostModel
import Testing

@Suite("Order numbers and the order desk's states")
struct OrderModelTests {
    @Test("Order numbers print as SO-000123 and parse back from that or the bare number")
    func numbers() throws {
        #expect(OrderNumber(123).description == "SO-000123")
        #expect(OrderNumber(1_234_567).description == "SO-1234567")
        #expect(try OrderNumber(parsing: "so-000123") == OrderNumber(123))
        #expect(try OrderNumber(parsing: "42") == OrderNumber(42))
        for bad in ["", "SO-", "SO-0", "SO-12a", "-3", "SO-١٢"] {
            #expect(throws: ValidationError.self, "\(bad)") { try OrderNumber(parsing: bad) }
        }
    }

    @Test("Only submitted → accepted | rejected and accepted → fulfilled are allowed")
    func transitions() {
        let allowed: Set<[OrderStatus]> = [[.submitted, .accepted], [.submitted, .rejected], [.accepted, .fulfilled]]
        for from in OrderStatus.allCases {
            for to in OrderStatus.allCases {
                let moved = (try? from.checkMove(to: to)) != nil
                #expect(moved == allowed.contains([from, to]), "\(from) → \(to)")
            }
        }
    }
}
