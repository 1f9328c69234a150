import ArgumentParser
import Foundation
import TrainingCore
import TrainingStore

extension Training {
    /// `training policy ...`: the charging policy.
    struct Policy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or change the charging policy.",
            subcommands: [Show.self, Set.self])

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Show the charging policy in force.",
                                                            discussion: "Example:\n  training policy show")
            @OptionGroup var options: DatabaseOptions

            func run() throws {
                let p = try options.open().chargingPolicy()
                print("Charging policy")
                print("  Cut-off for cancellations: \(p.cutoffWorkingDays) working days' notice")
                print("  Late cancellation:         \(p.lateCancellationPercent)% of the place fee")
                print("  Non-attendance:            \(p.nonAttendancePercent)% of the place fee")
                print("  Place fee:                 \(p.halfDayFee) up to \(CourseDuration(minutes: p.halfDayMaxMinutes)!) (half day), \(p.fullDayFee) longer")
                print("  Exempt reasons:            \(p.exemptReasons.isEmpty ? "none" : p.exemptReasons.joined(separator: ", "))")
                print("  Waiting-list place given after the cut-off: \(p.chargesLateCancellationOfLatePromotion ? "charged" : "no charge") for a late cancellation (a non-attendance is always charged)")
                print("  Substitution from the same agency is free up to the start; nothing is charged when the partnership cancels.")
            }
        }

        struct Set: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Change the charging policy. Charges already raised keep their amounts.",
                discussion: """
                    Examples:
                      training policy set --cutoff 10 --late-percent 50 --no-show-percent 100
                      training policy set --half-day-fee 50.00 --full-day-fee 100.00 --half-day-hours 4
                      training policy set --exempt illness,bereavement,jury-service
                      training policy set --charge-late-promotions no
                    """)

            @OptionGroup var options: DatabaseOptions
            @Option(help: "Working days' notice below which a cancellation is late.") var cutoff: Int?
            @Option(help: "Percentage of the fee for a late cancellation.") var latePercent: Int?
            @Option(help: "Percentage of the fee for a non-attendance.") var noShowPercent: Int?
            @Option(help: "Place fee of a half day, in pounds.") var halfDayFee: String?
            @Option(help: "Place fee of a full day, in pounds.") var fullDayFee: String?
            @Option(help: "Longest session, in hours, charged as a half day.") var halfDayHours: Double?
            @Option(help: "Comma-separated cancellation reasons that raise no charge.") var exempt: String?
            @Option(help: "yes or no: charge a late cancellation of a place given from the waiting list after the cut-off (default no).")
            var chargeLatePromotions: String?

            func run() throws {
                let database = try options.open()
                var policy = try database.chargingPolicy()
                if let cutoff { policy.cutoffWorkingDays = cutoff }
                if let latePercent { policy.lateCancellationPercent = latePercent }
                if let noShowPercent { policy.nonAttendancePercent = noShowPercent }
                if let fee = try Arguments.pounds(halfDayFee, option: "--half-day-fee") { policy.halfDayFee = fee }
                if let fee = try Arguments.pounds(fullDayFee, option: "--full-day-fee") { policy.fullDayFee = fee }
                if let halfDayHours { policy.halfDayMaxMinutes = Int((halfDayHours * 60).rounded()) }
                if let exempt {
                    policy.exemptReasons = exempt.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                }
                if let chargeLatePromotions {
                    switch chargeLatePromotions.lowercased() {
                    case "yes": policy.chargesLateCancellationOfLatePromotion = true
                    case "no": policy.chargesLateCancellationOfLatePromotion = false
                    default: throw InputError("'\(chargeLatePromotions)' is not yes or no", at: InputLocation(field: "--charge-late-promotions"))
                    }
                }
                try database.setChargingPolicy(policy, by: options.actor)
                print("Charging policy updated. Charges already raised are unchanged.")
            }
        }
    }

    /// `training charges ...`.
    struct Charges: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List, waive and credit charges.",
            subcommands: [List.self, Waive.self, Credit.self])

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List charges, newest first; exempt cancellations are shown at £0.00 with their reason.",
                discussion: """
                    Examples:
                      training charges list --year 2025-26
                      training charges list --agency "Calderdale Council" --quarter 2025-26-Q3
                    """)

            @OptionGroup var options: DatabaseOptions
            @Option(help: "Only this agency.") var agency: String?
            @Option(help: "Raised in this financial year.") var year: String?
            @Option(help: "Raised in this quarter, e.g. 2025-26-Q3.") var quarter: String?

            func run() throws {
                let lines = try options.open().charges(agencyName: agency, year: try Arguments.year(year), quarter: try Arguments.quarter(quarter))
                guard !lines.isEmpty else {
                    print("No charges match.")
                    return
                }
                print(TextTable.render(header: ["Charge", "Raised", "Agency", "Learner", "Course", "Amount", "State", "Rule"], rows: lines.map { line in
                    let c = line.charge
                    return [c.id!.shown, c.raisedOn.description, line.agencyName, line.learnerName ?? "", line.courseTitle,
                            Pence(c.amountPence).description, line.state, c.rule]
                }))
                print("Payable: \(lines.payable)")
            }
        }

        struct Waive: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Waive a charge, with a reason (audited).",
                discussion: "Example:\n  training charges waive 31 --reason \"Snow closed the roads\"")

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The charge's number.", transform: Arguments.id) var charge: Int64
            @Option(help: "Why it is waived.") var reason: String

            func run() throws {
                try options.open().waiveCharge(charge, reason: reason, by: options.actor)
                print("Charge \(charge.shown) waived: \(reason).")
            }
        }

        struct Credit: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Credit an invoiced charge in full, with a reason (a numbered credit note, audited).",
                discussion: """
                    An invoice is never changed: a charge on one is given back by a credit note of its own
                    (CN-0001, CN-0002 ...), which names the invoice and the charge. A charge not yet invoiced is
                    waived instead.

                    Example:
                      training charges credit 31 --reason "Learner was on the register sheet after all"
                    """)

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The charge's number.", transform: Arguments.id) var charge: Int64
            @Option(help: "Why it is credited.") var reason: String

            func run() throws {
                let database = try options.open()
                let note = try database.creditCharge(charge, reason: reason, by: options.actor)
                let line = try database.creditNote(number: note.number)
                print("Credit note \(note.shownNumber): \(Pence(note.amountPence)) to \(line.agencyName) for charge \(charge.shown) on invoice \(line.invoiceNumber) — \(note.reason).")
            }
        }
    }

    /// `training invoices ...`.
    struct Invoices: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Raise, list and show agencies' invoices.",
            subcommands: [Raise.self, List.self, Show.self])

        struct Raise: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Gather each agency's unbilled charges up to the end of a quarter into one invoice per agency.",
                discussion: """
                    Raising again bills only charges not yet invoiced; numbers are never reused.

                    Example:
                      training invoices raise --quarter 2025-26-Q1
                    """)

            @OptionGroup var options: DatabaseOptions
            @Option(help: "The quarter, e.g. 2025-26-Q1.") var quarter: String

            func run() throws {
                let invoices = try options.open().raiseInvoices(for: try Arguments.quarter(quarter)!, by: options.actor)
                guard !invoices.isEmpty else {
                    print("Nothing to invoice: every payable charge up to the end of \(quarter) is already billed.")
                    return
                }
                for invoice in invoices { print("Invoice \(invoice.number): \(Pence(invoice.totalPence))") }
                print("\(invoices.count) invoice\(invoices.count == 1 ? "" : "s") raised; see `training invoices show N`.")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List invoices, newest first.",
                discussion: "Example:\n  training invoices list --agency \"Calderdale Council\"")

            @OptionGroup var options: DatabaseOptions
            @Option(help: "Only this agency.") var agency: String?

            func run() throws {
                let database = try options.open()
                let invoices = try database.invoices(agencyName: agency)
                guard !invoices.isEmpty else {
                    print("No invoices yet.")
                    return
                }
                print(TextTable.render(header: ["Number", "Agency", "Quarter", "Total", "Raised"], rows: invoices.map {
                    [String($0.invoice.number), $0.agencyName, "\(FinancialYear(startYear: $0.invoice.financialYear))-Q\($0.invoice.quarter)",
                     Pence($0.invoice.totalPence).description, LondonTime.format($0.invoice.raisedAt)]
                }))
                let credits = try database.creditNotes(agencyName: agency)
                guard !credits.isEmpty else { return }
                print("\nCredit notes")
                print(TextTable.render(header: ["Number", "Agency", "Invoice", "Charge", "Amount", "Raised", "Reason"], rows: credits.map {
                    [$0.note.shownNumber.description, $0.agencyName, String($0.invoiceNumber), $0.note.chargeId.shown,
                     Pence($0.note.amountPence).description, LondonTime.format($0.note.raisedAt), $0.note.reason]
                }))
            }
        }

        struct Show: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Show an invoice with its line items.",
                discussion: "Example:\n  training invoices show 3")

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The invoice number.", transform: { Int(try Arguments.id($0)) }) var number: Int

            func run() throws {
                let details = try options.open().invoice(number: number)
                let i = details.invoice
                print("Invoice \(i.number) — \(details.agencyName)")
                if let contact = details.billingContact { print("  To:      \(contact)") }
                print("  Quarter: \(FinancialYear(startYear: i.financialYear))-Q\(i.quarter)")
                print("  Raised:  \(LondonTime.format(i.raisedAt)) by \(i.raisedBy)\n")
                print(TextTable.render(header: ["Learner", "Course", "Date", "Reason", "Amount"], rows: details.lines.map {
                    [$0.learnerName ?? "", $0.courseTitle, String(LondonTime.format($0.sessionStart).prefix(10)), $0.charge.rule,
                     Pence($0.charge.amountPence).description]
                }))
                print("\nTotal: \(Pence(i.totalPence))")
                guard !details.credits.isEmpty else { return }
                print("\nCredited since (the invoice stands; each credit note gives back one charge):")
                print(TextTable.render(header: ["Credit note", "Charge", "Amount", "Raised", "Reason"], rows: details.credits.map {
                    [$0.note.shownNumber.description, $0.note.chargeId.shown, Pence($0.note.amountPence).description,
                     LondonTime.format($0.note.raisedAt), $0.note.reason]
                }))
                print("Credited: \(details.credits.total); still payable: \(Pence(i.totalPence) - details.credits.total)")
            }
        }
    }

    /// `training holiday ...`: bank holidays.
    struct Holiday: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "England and Wales bank holidays (shipped 2014–2030) and ones the officer adds.",
            subcommands: [Add.self, List.self])

        struct Add: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add a bank holiday (a new proclamation, or a year beyond the shipped list).",
                discussion: "Example:\n  training holiday add 2031-01-01 \"New Year's Day\"")

            @OptionGroup var options: DatabaseOptions
            @Argument(help: "The date, YYYY-MM-DD.") var date: String
            @Argument(help: "Its name.") var name: String

            func run() throws {
                let day = try LocalDate.parse(date, at: InputLocation(field: "date"))
                try options.open().addBankHoliday(day, name: name, by: options.actor)
                print("Added bank holiday \(day): \(name).")
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "List bank holidays, optionally of one financial year.",
                discussion: "Example:\n  training holiday list --year 2025-26")

            @OptionGroup var options: DatabaseOptions
            @Option(help: "Financial year, e.g. 2025-26.") var year: String?

            func run() throws {
                let wanted = try Arguments.year(year)
                let holidays = try options.open().bankHolidays().filter { wanted?.contains($0.date) ?? true }
                print(TextTable.render(header: ["Date", "Holiday"], rows: holidays.map { [$0.date.description, $0.name] }))
            }
        }
    }

    /// `training notifications`: messages owed to bookers.
    struct Notifications: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Messages owed to bookers: waiting-list promotions and cancelled sessions.",
            discussion: "Example:\n  training notifications")

        @OptionGroup var options: DatabaseOptions

        func run() throws {
            let notifications = try options.open().notifications()
            guard !notifications.isEmpty else {
                print("No notifications.")
                return
            }
            print(TextTable.render(header: ["When", "To", "Kind", "Message"], rows: notifications.map {
                [LondonTime.format($0.createdAt), $0.recipient, $0.kind, $0.message]
            }))
        }
    }

    /// `training audit`: the audit log.
    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the audit log, newest first: who changed what, when, from what to what.",
            discussion: "Example:\n  training audit --limit 20")

        @OptionGroup var options: DatabaseOptions
        @Option(help: "How many entries.") var limit = 50

        func run() throws {
            let entries = try options.open().auditLog(limit: limit)
            print(TextTable.render(header: ["When", "Who", "What", "Record", "Before", "After"], rows: entries.map {
                [LondonTime.format($0.at), $0.actor, $0.action, "\($0.entity) \($0.entityId ?? "")", $0.before ?? "", $0.after ?? ""]
            }))
        }
    }
}
