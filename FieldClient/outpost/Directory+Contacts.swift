import FieldClient
import Foundation
import MergeEngine
import OutpostModel
import OutpostReplication

extension Directory {
    /// The contact `text` names: an id or short id, an e-mail address, a full name, a
    /// surname or a first name (any case), among the contacts of `account` when given.
    /// - Throws: `.notFound` naming the account's contacts, or `.invalid` when several match.
    func contact(_ text: String, at account: AccountID?) throws -> LocalRecord {
        guard let account, let accountField = ReplicatedKind.contact.fieldID(named: "account_id") else {
            return try find(text, kind: .contact)
        }
        let people = try records(.contact).filter { $0.view.values[accountField] == .bytes(RecordID(account).bytes) }
        let wanted = text.lowercased()
        let fragment = IDFragment(text)
        let tests: [(LocalRecord) -> Bool] = [
            { fragment?.names("\($0.id)") ?? false },
            { Self.text($0, "email")?.lowercased() == wanted },
            { Self.label($0).lowercased() == wanted },
            { Self.text($0, "last_name")?.lowercased() == wanted },
            { Self.text($0, "first_name")?.lowercased() == wanted },
            { Self.label($0).lowercased().hasPrefix(wanted) || (Self.text($0, "last_name")?.lowercased().hasPrefix(wanted) ?? false) },
        ]
        for test in tests {
            let matches = people.filter(test)
            if matches.count == 1 { return matches[0] }
            if matches.count > 1 {
                let names = matches.prefix(3).map { "\(Self.label($0)) (\(Self.shortID($0.id)))" }.joined(separator: ", ")
                throw ReplicaError(.invalid, "\"\(text)\" matches \(matches.count) contacts at this account (\(names)); give the full name or the e-mail")
            }
        }
        let known = people.prefix(5).map(Self.label).joined(separator: ", ")
        throw ReplicaError(.notFound, "no contact \"\(text)\" at this account"
            + (people.isEmpty ? "; it has no contacts yet (add one with outpost contacts add)" : "; its contacts: \(known)"))
    }
}
