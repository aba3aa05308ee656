public import Foundation
public import OutpostModel

extension ProductOption {
    /// The id of the option made from variable `variable` of `product`'s DIMACS model:
    /// the product's UUID bytes 0–7, then its bytes 8–11 with the top bit of byte 8
    /// cleared, then `variable` as 4 big-endian bytes.
    ///
    /// A model's options thus share one 12-byte prefix and count up, which compresses
    /// to almost nothing on the wire, where random ids would not. Byte 8's top bit `0`
    /// is the NCS variant: every generated (RFC 4122) UUID, and the configurator
    /// model's and catalog bundle's derived ids (variant `11`), have it `1`, so a
    /// derived option id equals none of them; two variables of one product get two ids;
    /// and a product has one model (re-importing is refused), so ids are made once.
    /// - Precondition: `variable` is in `1...UInt32.max`, as DIMACS variables are.
    public static func modelOptionID(product: ProductID, variable: Int) -> ProductOptionID {
        precondition((1...Int(UInt32.max)).contains(variable), "a DIMACS variable is a positive 32-bit number")
        var bytes = withUnsafeBytes(of: product.uuid.uuid) { Array($0) }
        bytes[8] &= 0x7F
        for index in 0..<4 { bytes[12 + index] = UInt8(truncatingIfNeeded: variable >> (8 * (3 - index))) }
        return ProductOptionID(UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15])))
    }
}
