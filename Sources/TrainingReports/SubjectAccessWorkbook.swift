import Foundation
import TrainingCore
import XLSX

/// A subject access record as a workbook a data-protection officer can send as it is: one sheet per kind
/// of record, each saying what it holds, every value written as text or a whole number (never a formula).
public enum SubjectAccessWorkbook {
    /// The record's sections as report sheets.
    public static func sheets(_ record: SubjectAccessRecord) -> [ReportSheet] {
        record.sections.map { section in
            let rows = section.rows.map { row in
                row.map { value -> ReportCell in
                    switch value {
                    case .text(let text): return .text(text)
                    case .number(let number): return .count(number)
                    case .none: return .blank
                    }
                }
            }
            let heading = rows.isEmpty ? "\(section.title): none held" : "\(section.title) (\(rows.count))"
            return ReportSheet(name: section.title, title: section.title, notes: [section.explanation],
                               tables: [ReportTable(heading: heading, columns: section.columns, rows: rows)])
        }
    }

    /// Writes the record to `path` (a temporary name until it is complete).
    public static func write(_ record: SubjectAccessRecord, partnershipName: String, to path: String) throws {
        let workbook = try Workbook(path: path, options: .init(title: "Personal data held about \(record.email)", author: partnershipName))
        let writer = SheetWriter(partnershipName: partnershipName, period: "held about \(record.email) on \(record.gatheredAt)")
        for sheet in sheets(record) { try writer.write(sheet, to: workbook) }
        try workbook.close()
    }
}
