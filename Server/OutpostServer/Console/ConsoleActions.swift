import Foundation
import OutpostModel
import OutpostReplication
import OutpostSQLite

/// What the console's buttons do to the records, in one place: each action is the
/// change the field client's command would make (`outpost quote approve|reject`,
/// `outpost orders accept|reject|fulfil`, `outpost forecast adjust`), written through
/// ``ConsoleWriter`` as the signed-in user so the hub checks it like a device's write.
enum ConsoleActions {
    /// A manager approves a submitted quote's discount (`outpost quote approve`).
    static func approve(_ quote: Quote, by manager: User) throws(ConsoleActionError) -> [ConsoleChange] {
        guard quote.status == .submitted else {
            throw ConsoleActionError("quote \(quote.id) is \(quote.status.rawValue); only a submitted quote awaits approval")
        }
        var approved = quote
        approved.status = .approved
        approved.approvedBy = manager.id
        return [.update(approved)]
    }

    /// A manager rejects a submitted quote with a comment for the rep (`outpost quote
    /// reject --reason`): the quote becomes `rejected` with the comment as its reason.
    static func reject(_ quote: Quote, by manager: User, comment: String) throws(ConsoleActionError) -> [ConsoleChange] {
        guard quote.status == .submitted else {
            throw ConsoleActionError("quote \(quote.id) is \(quote.status.rawValue); only a submitted quote can be rejected")
        }
        let comment = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !comment.isEmpty else { throw ConsoleActionError("say why the quote is rejected; the rep reads it") }
        var rejected = quote
        rejected.status = .rejected
        rejected.rejectionReason = comment
        do throws(ValidationError) { try rejected.validate() } catch { throw ConsoleActionError(error.description) }
        return [.update(rejected)]
    }

    /// The order desk moves an order (`outpost orders accept|reject|fulfil`); a
    /// rejection needs a reason, which reaches the rep as the order's desk note.
    static func move(_ order: Order, to status: OrderStatus, reason: String?) throws(ConsoleActionError) -> [ConsoleChange] {
        do throws(ValidationError) { try order.status.checkMove(to: status) } catch {
            throw ConsoleActionError("order \(order.number?.description ?? "\(order.id)"): \(error.reason)")
        }
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if status == .rejected, reason?.isEmpty ?? true {
            throw ConsoleActionError("give a reason to reject order \(order.number?.description ?? "\(order.id)"); the rep reads it")
        }
        var moved = order
        moved.status = status
        moved.deskNote = (reason?.isEmpty ?? true) ? nil : reason
        do throws(ValidationError) { try moved.validate() } catch { throw ConsoleActionError(error.description) }
        return [.update(moved)]
    }

    /// A manager adjusts one figure of a rep's submission (`outpost forecast adjust`);
    /// the submission stays as it was and the adjustment sits beside it.
    static func adjust(_ submission: ForecastSubmission, category: ForecastCategory, amount text: String, note: String?,
                       by manager: User, at date: Date) throws(ConsoleActionError) -> [ConsoleChange] {
        guard category != .omitted else { throw ConsoleActionError("choose closed, commit, best case or pipeline to adjust") }
        let currency = submission.amounts.values.first?.currency ?? .eur
        let amount: Money
        do throws(ValidationError) { amount = try Money(parsing: text.trimmingCharacters(in: .whitespaces), currency: currency, field: category.rawValue) } catch {
            throw ConsoleActionError("\(error.description); nothing was changed")
        }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        return [.create(ForecastAdjustment(submissionID: submission.id, managerID: manager.id, category: category, amount: amount,
                                           note: (note?.isEmpty ?? true) ? nil : note, madeAt: Int(date.timeIntervalSince1970)))]
    }
}

/// A console action refused before anything was written, with what to do.
struct ConsoleActionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
