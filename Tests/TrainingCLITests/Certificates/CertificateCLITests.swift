import Foundation
import Testing

@Suite("Certificates from the command line")
struct CertificateCLITests {
    /// Amy attended a session on 10 June 2020 (booking 1) and completed a module on 3 July 2020; Bob was
    /// booked on the same session and did not attend (booking 2).
    func workspaceWithHistory() throws -> Workspace {
        let workspace = Workspace()
        try workspace.run(["init"])
        try workspace.write("s.csv", """
            session_ref,course,level,delivery,start,end,venue,capacity,status,cancel_reason
            2020-001,Introduction to Safeguarding,foundation,face-to-face,2020-06-10T09:30,2020-06-10T12:30,Halifax,20,delivered,
            """)
        try workspace.write("b.csv", """
            session_ref,learner_email,learner_name,agency,sector,booked_on,status,cancelled_on
            2020-001,amy@council.example,Amy Adams,Calderdale Council,Local Authority,2020-05-01,attended,
            2020-001,bob@council.example,Bob Brown,Calderdale Council,Local Authority,2020-05-01,did-not-attend,
            """)
        try workspace.write("e.csv", """
            learner_email,learner_name,agency,sector,module,allocated_on,started_on,completed_on
            amy@council.example,Amy Adams,Calderdale Council,Local Authority,Awareness of Domestic Abuse,2020-07-01,2020-07-02,2020-07-03
            """)
        let imported = try workspace.run(["import", "history", "--sessions", "s.csv", "--bookings", "b.csv", "--elearning", "e.csv"])
        #expect(imported.status == 0, "\(imported.errors)")
        return workspace
    }

    @Test func aBookingsCertificateIsWrittenAsAPDFAndTheSameFileEveryTime() throws {
        let workspace = try workspaceWithHistory()
        let written = try workspace.run(["certificate", "1", "--out", "amy.pdf"])
        #expect(written.status == 0, "\(written.errors)")
        let said = try #require(written.output.wholeMatch(of: /Wrote amy\.pdf: Amy Adams, Introduction to Safeguarding, Wednesday 10 June 2020, code ([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})\.\n/))
        let first = try Data(contentsOf: workspace.folder.appendingPathComponent("amy.pdf"))
        #expect(first.starts(with: Data("%PDF-".utf8)))
        let again = try workspace.run(["certificate", "#1", "--out", "again.pdf"])
        #expect(again.output.contains(String(said.1)))
        #expect(try Data(contentsOf: workspace.folder.appendingPathComponent("again.pdf")) == first)
        let audit = try workspace.run(["audit"])
        #expect(audit.output.components(separatedBy: "certificate issued").count == 2)
    }

    @Test func allOfALearnersCertificatesGoInOnePDF() throws {
        let workspace = try workspaceWithHistory()
        let written = try workspace.run(["certificate", "--learner", "AMY@council.example", "--out", "all.pdf"])
        #expect(written.status == 0, "\(written.errors)")
        #expect(written.output == "Wrote all.pdf: 2 certificates for Amy Adams, a page each.\n")
        let module = try workspace.run(["certificate", "--allocation", "1", "--out", "module.pdf"])
        #expect(module.status == 0, "\(module.errors)")
        #expect(module.output.hasPrefix("Wrote module.pdf: Amy Adams, Awareness of Domestic Abuse, Friday 3 July 2020, code "))
    }

    @Test func whatCannotBeCertifiedIsRefusedNamingWhyAndNoFileIsWritten() throws {
        let workspace = try workspaceWithHistory()
        let cases: [([String], String)] = [
            (["certificate", "2", "--out", "bob.pdf"],
             "error: booking 2 is not marked attended (its status is did-not-attend): a certificate is only for a session attended\n"),
            (["certificate", "99", "--out", "bob.pdf"], "error: there is no booking 99\n"),
            (["certificate", "--allocation", "9", "--out", "bob.pdf"], "error: there is no licence allocation 9\n"),
            (["certificate", "--learner", "bob@council.example", "--out", "bob.pdf"],
             "error: bob@council.example has attended no session and completed no e-learning module, so there is no certificate to make\n"),
            (["certificate", "--learner", "nobody@council.example", "--out", "bob.pdf"],
             "error: no learner has the email nobody@council.example (add them with `training learner add`)\n"),
        ]
        let before = try workspace.snapshot()
        for (arguments, error) in cases {
            let refused = try workspace.run(arguments)
            #expect(refused.status == 1)
            #expect(refused.errors == error)
        }
        let noFolder = try workspace.run(["certificate", "1", "--out", "no-such-folder/amy.pdf"])
        #expect(noFolder.status == 1)
        #expect(noFolder.errors.hasPrefix("error: field '--out': the folder "))
        #expect(noFolder.errors.hasSuffix("/no-such-folder does not exist (nothing was issued)\n"))
        #expect(try workspace.snapshot() == before)
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("bob.pdf").path))
    }

    @Test func exactlyOneThingToCertifyIsNamed() throws {
        let workspace = try workspaceWithHistory()
        for arguments in [["certificate", "--out", "x.pdf"], ["certificate", "1", "--learner", "amy@council.example", "--out", "x.pdf"],
                          ["certificate", "1", "--out", "x.txt"]] {
            let refused = try workspace.run(arguments)
            #expect(refused.status == 64)
        }
    }
}
