import Configurator
import Foundation
import OutpostModel
import Testing

@Suite("Ids of the options a DIMACS model makes")
struct ModelOptionIDTests {
    let product = ProductID(UUID(uuidString: "3f2b8c4e-1d2a-4b6f-9e1a-0c5d7e9f1a2b")!)

    @Test("An option's id is the product's first 12 bytes, the top bit of byte 8 cleared, then its variable")
    func layout() {
        #expect(ProductOption.modelOptionID(product: product, variable: 7).description == "3f2b8c4e-1d2a-4b6f-1e1a-0c5d00000007")
        #expect(ProductOption.modelOptionID(product: product, variable: Int(UInt32.max)).description
            == "3f2b8c4e-1d2a-4b6f-1e1a-0c5dffffffff")
    }

    @Test("Imported options get distinct ids that no generated UUID, product or other product's option has")
    func distinct() throws {
        let model = try DIMACSModel(parsing: "p cnf 3 1\nc 1 Base\nc 2 Wi-Fi\nc 3 Wi-Fi\n1 -2 0\n")
        let options = model.options(of: product, currency: .eur)
        #expect(options.map(\.variable) == [1, 2, 3])
        #expect(options.map(\.code) == ["base", "wi-fi", "wi-fi-2"])
        #expect(options.allSatisfy { $0.productID == product && $0.price == .zero(.eur) })
        let ids = options.map(\.id)
        #expect(Set(ids).count == 3)
        #expect(ids == (1...3).map { ProductOption.modelOptionID(product: product, variable: $0) })
        // The NCS variant (top bit of byte 8 clear): generated UUIDs carry the RFC 4122 variant `10`.
        #expect(ids.allSatisfy { $0.uuid.uuid.8 & 0x80 == 0 })
        let other = ProductID()
        #expect(other.uuid.uuid.8 & 0xC0 == 0x80)
        #expect(Set(model.options(of: other, currency: .eur).map(\.id)).isDisjoint(with: ids))
    }
}
