import Foundation
import OutpostModel
import OutpostReplication
import OutpostStore
import PostgresNIO

/// Keeps the domain tables (what the server's own queries, exports and forecasts read)
/// equal to the merged view of each replicated record after a device write, as
/// `Projection` does on SQLite: an upsert in place (rows referring to it keep their
/// foreign keys), or a delete when the merged view is deleted.
struct PostgresProjection {
    let connection: BlockingConnection

    /// Writes `record`'s merged view into its domain table, or deletes its row.
    /// - Throws: `StoreError` when the table refuses the row (a missing reference, a
    ///   broken check), and `.invalid` for kinds devices cannot write.
    func apply(_ record: any ReplicatedRecord, deleted: Bool, seq: Int64) throws {
        guard !deleted else { return try delete(record) }
        switch record {
        case let account as Account:
            try write("""
                INSERT INTO account (id, territory_id, name, name_key, industry, city, country, phone, last_visit, vat_number,
                                     website, change_seq)
                VALUES (\(account.id.uuid), \(account.territoryID.uuid), \(account.name), \(account.name.lowercased()),
                        \(account.industry), \(account.city), \(account.country), \(account.phone), \(account.lastVisit?.description),
                        \(account.vatNumber), \(account.website), \(seq))
                ON CONFLICT (id) DO UPDATE SET territory_id = excluded.territory_id, name = excluded.name,
                    name_key = excluded.name_key, industry = excluded.industry, city = excluded.city, country = excluded.country,
                    phone = excluded.phone, last_visit = excluded.last_visit, vat_number = excluded.vat_number,
                    website = excluded.website, change_seq = excluded.change_seq
                """, RowContext(kind: "account", id: account.id.description, references: ["territory_id": "territory"]))
        case let contact as Contact:
            try write("""
                INSERT INTO contact (id, account_id, first_name, last_name, email, phone, title, change_seq)
                VALUES (\(contact.id.uuid), \(contact.accountID.uuid), \(contact.firstName), \(contact.lastName),
                        \(contact.email?.value), \(contact.phone), \(contact.title), \(seq))
                ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, first_name = excluded.first_name,
                    last_name = excluded.last_name, email = excluded.email, phone = excluded.phone, title = excluded.title,
                    change_seq = excluded.change_seq
                """, RowContext(kind: "contact", id: contact.id.description, references: ["account_id": "account"]))
        case let lead as Lead:
            try write("""
                INSERT INTO lead (id, territory_id, company, first_name, last_name, email, status, owner_id, country, postcode,
                                  industry, product_interest, change_seq)
                VALUES (\(lead.id.uuid), \(lead.territoryID.uuid), \(lead.company), \(lead.firstName), \(lead.lastName),
                        \(lead.email?.value), \(lead.status.rawValue), \(lead.ownerID?.uuid), \(lead.country), \(lead.postcode),
                        \(lead.industry), \(lead.productInterest), \(seq))
                ON CONFLICT (id) DO UPDATE SET territory_id = excluded.territory_id, company = excluded.company,
                    first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
                    status = excluded.status, owner_id = excluded.owner_id, country = excluded.country,
                    postcode = excluded.postcode, industry = excluded.industry, product_interest = excluded.product_interest,
                    change_seq = excluded.change_seq
                """, RowContext(kind: "lead", id: lead.id.description, references: ["territory_id": "territory", "owner_id": "owner user"]))
        case let opportunity as Opportunity:
            try write("""
                INSERT INTO opportunity (id, account_id, owner_id, name, stage, amount_minor, amount_currency, close_date,
                                         probability, change_seq)
                VALUES (\(opportunity.id.uuid), \(opportunity.accountID.uuid), \(opportunity.ownerID.uuid), \(opportunity.name),
                        \(opportunity.stage.rawValue), \(opportunity.amount.minorUnits), \(opportunity.amount.currency.code),
                        \(opportunity.closeDate.description), \(Int32(clamping: opportunity.probability)), \(seq))
                ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, owner_id = excluded.owner_id,
                    name = excluded.name, stage = excluded.stage, amount_minor = excluded.amount_minor,
                    amount_currency = excluded.amount_currency, close_date = excluded.close_date,
                    probability = excluded.probability, change_seq = excluded.change_seq
                """, RowContext(kind: "opportunity", id: opportunity.id.description,
                                references: ["account_id": "account", "owner_id": "owner user"]))
        case let activity as Activity:
            try write("""
                INSERT INTO activity (id, kind, subject, day, account_id, contact_id, opportunity_id, owner_id, done, notes,
                                      due_time, change_seq)
                VALUES (\(activity.id.uuid), \(activity.kind.rawValue), \(activity.subject), \(activity.day.description),
                        \(activity.accountID.uuid), \(activity.contactID?.uuid), \(activity.opportunityID?.uuid),
                        \(activity.ownerID.uuid), \(activity.done), \(activity.notes), \(activity.time?.description), \(seq))
                ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, subject = excluded.subject, day = excluded.day,
                    account_id = excluded.account_id, contact_id = excluded.contact_id,
                    opportunity_id = excluded.opportunity_id, owner_id = excluded.owner_id, done = excluded.done,
                    notes = excluded.notes, due_time = excluded.due_time, change_seq = excluded.change_seq
                """, RowContext(kind: "activity", id: activity.id.description,
                                references: ["account_id": "account", "contact_id": "contact", "opportunity_id": "opportunity",
                                             "owner_id": "owner user"]))
        case let submission as ForecastSubmission:
            let context = RowContext(kind: "forecast submission", id: submission.id.description,
                                     references: ["owner_id": "owner user", "territory_id": "territory"])
            try write("DELETE FROM forecast_submission WHERE id = \(submission.id.uuid)", context)
            try write("""
                INSERT INTO forecast_submission (id, owner_id, territory_id, period, change_seq)
                VALUES (\(submission.id.uuid), \(submission.ownerID.uuid), \(submission.territoryID.uuid),
                        \(submission.period.description), \(seq))
                """, context)
            for (category, amount) in submission.amounts.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                try write("""
                    INSERT INTO forecast_amount (submission_id, category, amount_minor, amount_currency)
                    VALUES (\(submission.id.uuid), \(category.rawValue), \(amount.minorUnits), \(amount.currency.code))
                    """, context)
            }
        case is ForecastAdjustment, is Quota:
            break  // No domain table: the hub's `replica_record` row is the record.
        // Quotes live in the hub's record states only; orders are recorded by the order ledger.
        case is Quote, is Order: break
        default:
            throw StoreError(.invalid, "\(type(of: record).kind.name) records cannot be written by devices")
        }
    }

    private func delete(_ record: any ReplicatedRecord) throws {
        let table: String
        switch record {
        case is Account: table = "account"
        case is Contact: table = "contact"
        case is Lead: table = "lead"
        case is Opportunity: table = "opportunity"
        case is Activity: table = "activity"
        case is ForecastSubmission: table = "forecast_submission"
        case is ForecastAdjustment, is Quota: return
        default: throw StoreError(.invalid, "\(type(of: record).kind.name) records cannot be deleted by devices")
        }
        let id = AccountID(record.recordID)
        do {
            // The table name is one of the constants above; the id is bound.
            try connection.run("DELETE FROM \(unescaped: table) WHERE id = \(id.uuid)")
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23503" {
            throw StoreError(.invalid, "\(table) \(id) still has records that refer to it; delete or move them first")
        }
    }

    /// Runs one statement of the row `context` describes; a constraint failure becomes a
    /// `StoreError` that names the row (other failures pass unchanged).
    private func write(_ query: PostgresQuery, _ context: @autoclosure () -> RowContext) throws {
        do {
            try connection.run(query)
        } catch let error as PSQLError where error.serverInfo?[.sqlState]?.hasPrefix("23") == true {
            throw StoreError.explaining(error, context())
        }
    }
}
