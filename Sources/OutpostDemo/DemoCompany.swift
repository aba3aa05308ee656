public import Configurator
public import OutpostModel
public import OutpostStore

/// A deterministic, realistic demo company for `outpost-server demo`, tests and benchmarks.
///
/// The company sells PCs, monitors and services: a territory tree `World › EMEA/Americas ›
/// regions › districts`, one rep per district, managers on the inner nodes, an order desk
/// user `desk`, an administrator `admin`, accounts with contacts, opportunities and
/// activities, leads, the reps' forecast submissions for the current quarter, and a catalog
/// with price books in EUR, GBP and USD. The same seed always gives the same records, ids
/// included; nothing depends on the clock.
///
/// ```swift
/// let batch = DemoCompany.generate(scale: .medium, pcModel: try DIMACSModel(parsing: text))
/// try await store.insert(batch)
/// print("sign in as", DemoCompany.featuredRep(for: .medium))
/// ```
public enum DemoCompany {
    /// The day the demo company is generated "on" unless told otherwise: 2026-11-24.
    public static let defaultToday = CalendarDay(daysSinceEpoch: 20_781)

    /// Builds the whole company as one batch.
    ///
    /// - Parameters:
    ///   - scale: how many districts and accounts; see `DemoScale`.
    ///   - seed: the pseudo-random seed; equal seeds give equal batches.
    ///   - pcModel: the configurator model of the `PC-RICHMOND` product. When given, the
    ///     product gets one option per named variable and a `ConfiguratorModel` with the
    ///     clauses; when `nil`, the product has neither (import them later with
    ///     `outpost-server catalog import --dimacs FILE --product ID`).
    ///   - today: the day activities, close dates and the forecast quarter are spread around.
    /// - Returns: records that each pass `validate()` and refer only to records of the batch.
    public static func generate(scale: DemoScale, seed: UInt64 = 1, pcModel: DIMACSModel?,
                                today: CalendarDay = defaultToday) -> RecordBatch {
        var generator = DemoGenerator(scale: scale, seed: seed, today: today)
        return generator.generate(pcModel: pcModel)
    }

    /// The login name of the rep whose scope the scale is sized around: `rep.medium` works
    /// the Bavaria district with 2,000 accounts at medium scale.
    public static func featuredRep(for scale: DemoScale) -> String { "rep.\(scale.rawValue)" }

    /// The SKU of the configurable PC whose options come from the DIMACS model.
    public static let configurableSKU = "PC-RICHMOND"
}
