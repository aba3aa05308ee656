public import OutpostModel

/// One configured product to price: the product, its chosen options and the quantity.
public struct LineRequest: Hashable, Sendable {
    public var productID: ProductID
    /// The options in the configuration (chosen or forced by the rules).
    public var optionIDs: [ProductOptionID]
    public var quantity: Int

    public init(productID: ProductID, optionIDs: [ProductOptionID], quantity: Int = 1) {
        self.productID = productID
        self.optionIDs = optionIDs
        self.quantity = quantity
    }
}
