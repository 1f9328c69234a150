import Foundation
import TrainingCore
import TrainingReports
import TrainingStore

/// The files a message carries: an invoice's workbook for the invoice message; nothing for the others.
public enum MailAttachments {
    /// The MIME type of an `.xlsx` workbook.
    public static let workbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

    /// What `message` carries, made from the database now (the workbook is written to a temporary folder,
    /// read, and removed).
    public static func standard(for database: AppDatabase) -> @Sendable (OutboxMessage) throws -> [MailAttachment] {
        { message in
            guard message.kind == .invoice, let number = message.facts?.invoiceNumber.flatMap({ Int($0) }) else { return [] }
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("training-invoice-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = try InvoiceWorkbook.write(number: number, from: database, into: folder.path)
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
            return [MailAttachment(filename: "invoice-\(number).xlsx", contentType: workbookType, bytes: bytes)]
        }
    }
}
