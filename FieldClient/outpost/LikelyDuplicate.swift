import FieldClient
import MergeEngine
import OutpostInterchange
import OutpostReplication

/// The record a new one most likely duplicates: an account with the same normalised
/// name and (when both have one) city, VAT number or web domain, a contact or lead with
/// the same e-mail. The same rules as an import's (`DuplicateKey`).
enum LikelyDuplicate {
    static func find(_ kind: ReplicatedKind, _ fields: [FieldID: FieldValue], _ directory: Directory) throws -> LocalRecord? {
        func text(_ name: String, _ values: [FieldID: FieldValue]) -> String? {
            guard let id = kind.fieldID(named: name), case .string(let value)? = values[id], !value.isEmpty else { return nil }
            return value
        }
        switch kind {
        case .account:
            guard let name = text("name", fields).map(DuplicateKey.normalised) else { return nil }
            let city = text("city", fields).map(DuplicateKey.normalised)
            let vat = text("vat_number", fields).flatMap(DuplicateKey.vatNumber)
            let domain = text("website", fields).flatMap(DuplicateKey.domain)
            return try directory.records(.account).first { record in
                if let vat, text("vat_number", record.view.values).flatMap(DuplicateKey.vatNumber) == vat { return true }
                if let domain, text("website", record.view.values).flatMap(DuplicateKey.domain) == domain { return true }
                guard text("name", record.view.values).map(DuplicateKey.normalised) == name else { return false }
                guard let city, let theirs = text("city", record.view.values) else { return true }
                return DuplicateKey.normalised(theirs) == city
            }
        case .contact, .lead:
            guard let email = text("email", fields)?.lowercased() else { return nil }
            return try directory.records(kind).first { text("email", $0.view.values)?.lowercased() == email }
        default:
            return nil
        }
    }
}
