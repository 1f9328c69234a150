import TrainingCore

extension ChargeRefusal: CommandLineWorded {
    /// The refusal as the command line has always said it: a refused waiver or credit names the charge as
    /// its field, and each says which command to look with or to run instead.
    var commandLineMessage: String {
        let plain = errorDescription ?? ""
        let aboutTheCharge = "\(InputLocation(field: "charge")): \(plain)"
        switch self {
        case .unknownCharge:
            return "\(plain) (see `training charges list`)"
        case .unknownInvoice, .unknownCreditNote:
            return "\(plain) (see `training invoices list`)"
        case .alreadyInvoiced(let charge, _):
            return "\(aboutTheCharge) (`training charges credit \(charge) --reason ...`)"
        case .notInvoiced(let charge):
            return "\(aboutTheCharge) (`training charges waive \(charge) --reason ...`)"
        case .alreadyWaived, .reversedByRegisterCorrection, .exempt, .alreadyCredited, .reversedBeforeInvoicing, .waivedNotCredited,
             .nothingToCredit:
            return aboutTheCharge
        }
    }
}
