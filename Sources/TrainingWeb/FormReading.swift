import Foundation
import Hummingbird
import TrainingCore

extension FormData {
    /// A whole number of at least `minimum` from `field`, or nil with the problem added to `errors`.
    func wholeNumber(_ field: String, _ what: String, atLeast minimum: Int, errors: inout [FieldError]) -> Int? {
        guard let text = self[field] else {
            errors.append(FieldError(field: field, message: "Enter \(what)"))
            return nil
        }
        guard let number = Int(text), number >= minimum else {
            errors.append(FieldError(field: field, message: "Enter \(what) as a whole number, \(minimum) or more"))
            return nil
        }
        return number
    }

    /// A calendar day from `field`, or nil with the problem added to `errors`.
    func day(_ field: String, _ what: String, errors: inout [FieldError]) -> LocalDate? {
        guard let text = self[field] else {
            errors.append(FieldError(field: field, message: "Enter \(what)"))
            return nil
        }
        guard let day = try? LocalDate.parse(text) else {
            errors.append(FieldError(field: field, message: "Enter \(what) as a date, like 2026-04-01"))
            return nil
        }
        return day
    }
}

/// The financial year a page's filter chose (`2025-26`); any other text is a bad request.
func chosenFinancialYear(_ text: String) throws -> FinancialYear {
    guard let year = try? FinancialYear.parse(text) else {
        throw HTTPError(.badRequest, message: "Choose a financial year written like 2025-26.")
    }
    return year
}
