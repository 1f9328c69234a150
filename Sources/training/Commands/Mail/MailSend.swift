import ArgumentParser
import Foundation
import TrainingMail
import TrainingStore

extension Training.Mail {
    /// `training mail send`: one pass of the mail service, for cron.
    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the messages fallen due, send everything queued, and exit.",
            discussion: """
                For sites without the web application (training serve sends by itself). The relay's password is \
                read from TRAINING_SMTP_PASSWORD or from the file the smtp-password-file setting names.

                Example (crontab, every five minutes):
                  */5 * * * * training mail send --database /srv/training/partnership.sqlite
                """)

        @OptionGroup var options: DatabaseOptions

        func run() async throws {
            let database = try options.open()
            let settings = try database.settings()
            guard settings.mail.isOn else {
                print("Mail is off: set mail-transport (smtp, sendmail or maildir) with `training settings set` to send messages.")
                return
            }
            let delivery = try MailService.delivery(for: database, settings: settings)
            let pass = try await delivery.runOnce()
            let lapsed = pass.scheduled.requestsLapsed > 0 ? ", requests lapsed \(pass.scheduled.requestsLapsed)" : ""
            let refreshers = pass.scheduled.refresherReminders > 0 ? ", refreshers due \(pass.scheduled.refresherReminders)" : ""
            print("Scheduled \(pass.scheduled.total) (reminders \(pass.scheduled.reminders), evaluation links \(pass.scheduled.invitations), alerts \(pass.scheduled.officerAlerts)\(lapsed)\(refreshers)); sent \(pass.sent), to retry \(pass.retrying), failed \(pass.failed).")
            if pass.failed > 0 { print("See the failures with `training mail list --status failed`.") }
        }
    }
}
