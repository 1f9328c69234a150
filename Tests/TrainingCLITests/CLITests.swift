import Foundation
import Testing

@Suite("The training command line")
struct CLITests {
    /// A workspace with a database holding the shipped catalogue and one agency.
    func preparedWorkspace() throws -> Workspace {
        let workspace = Workspace()
        #expect(try workspace.run(["init"]).status == 0)
        let imported = try workspace.run(["catalogue", "import", packageRoot.appendingPathComponent("Courses").path])
        #expect(imported.status == 0, "\(imported.errors)")
        #expect(try workspace.run(["agency", "add", "Calderdale Council", "--sector", "Local Authority", "--statutory"]).status == 0)
        return workspace
    }

    @Test func theShippedCatalogueLoadsAndListsTheFiveAdvancedCourses() throws {
        let workspace = try preparedWorkspace()
        let result = try workspace.run(["catalogue", "list", "--level", "advanced"])
        #expect(result.status == 0)
        let titles = ["AIM2 Refresher", "Designated Safeguarding Lead", "Introduction to Supervision and Risk Management",
                      "MasterClass - Disguised Compliance", "YHMAST Regional Conference"]
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 + titles.count + 1)  // header, rule, five courses, count
        for (line, title) in zip(lines.dropFirst(2), titles) { #expect(line.hasPrefix(title)) }
        #expect(lines.last == "5 courses")
    }

    @Test func importingTheCatalogueAgainChangesNothing() throws {
        let workspace = try preparedWorkspace()
        let before = try workspace.snapshot()
        let again = try workspace.run(["catalogue", "import", packageRoot.appendingPathComponent("Courses").path])
        #expect(again.status == 0)
        #expect(again.output.hasPrefix("Catalogue imported from \(packageRoot.appendingPathComponent("Courses").path): 0 added, 0 updated, 35 unchanged."))
        #expect(try workspace.snapshot() == before)
    }

    @Test func aCatalogueFileWithAnUnknownLevelIsRefusedWithFileLineAndFieldAndWritesNothing() throws {
        let workspace = Workspace()
        try workspace.run(["init"])
        try workspace.write("Bad/a.yaml", """
            courses:
              - title: Good course
                level: foundation
                delivery: virtual
                duration: 2h
                capacity: 20
                minimum: 5
              - title: Bad course
                level: basic
                delivery: virtual
                duration: 2h
                capacity: 20
                minimum: 5
            """)
        let before = try workspace.snapshot()
        let result = try workspace.run(["catalogue", "import", "Bad"])
        #expect(result.status == 1)
        #expect(result.errors == "error: Bad/a.yaml, line 9, field 'level': unknown level 'basic' (expected one of: foundation, intermediate, advanced)\n")
        #expect(try workspace.snapshot() == before)
    }

    @Test func aStaffListWithAMalformedEmailIsRefusedAtItsLineAndWritesNothing() throws {
        let workspace = try preparedWorkspace()
        try workspace.write("staff.csv", "name,email,agency,job_role\nSam Patel,sam@c.example,Calderdale Council,Social worker\nJo Bloggs,jo.c.example,Calderdale Council,Nurse\n")
        let before = try workspace.snapshot()
        let result = try workspace.run(["learner", "import", "staff.csv"])
        #expect(result.status == 1)
        #expect(result.errors == "error: staff.csv, line 3, field 'email': 'jo.c.example' is not an email address\n")
        #expect(try workspace.snapshot() == before)
    }

    @Test func aStaffListWithoutTheEmailColumnIsRefusedAndWritesNothing() throws {
        let workspace = try preparedWorkspace()
        try workspace.write("staff.csv", "name,mail,agency\nSam Patel,sam@c.example,Calderdale Council\n")
        let before = try workspace.snapshot()
        let result = try workspace.run(["learner", "import", "staff.csv"])
        #expect(result.status == 1)
        #expect(result.errors == "error: staff.csv, line 1: the header has no 'email' column (expected columns: name,email,agency,job_role,team)\n")
        #expect(try workspace.snapshot() == before)
    }

    @Test func aCatalogueCourseMissingAFieldIsRefusedAndWritesNothing() throws {
        let workspace = try preparedWorkspace()
        try workspace.write("Bad/a.yaml", "courses:\n  - title: New course\n    level: foundation\n    delivery: virtual\n    duration: 2h\n    minimum: 5\n")
        let before = try workspace.snapshot()
        let result = try workspace.run(["catalogue", "import", "Bad"])
        #expect(result.status == 1)
        #expect(result.errors == "error: Bad/a.yaml, line 2, field 'capacity': the course has no 'capacity'\n")
        #expect(try workspace.snapshot() == before)
    }

    @Test func aStaffListIsImportedAndListed() throws {
        let workspace = try preparedWorkspace()
        try workspace.write("staff.csv", "name,email,agency,job_role\nSam Patel,sam@c.example,Calderdale Council,Social worker\n\"O'Neill, Jo\",jo@c.example,Calderdale Council,\n")
        let result = try workspace.run(["learner", "import", "staff.csv"])
        #expect(result.output == "Learners imported from staff.csv: 2 added, 0 updated, 0 unchanged.\n")
        let listed = try workspace.run(["learner", "list", "--agency", "Calderdale Council"])
        #expect(listed.output.contains("O'Neill, Jo"))
        #expect(listed.output.hasSuffix("2 learners\n"))
        #expect(!listed.output.contains("Team"))       // no one has a team: the list is as it always was
    }

    /// Issue 22: a team, from the file's optional column or `learner add --team`, is listed where the role is.
    @Test func aTeamIsImportedAddedAndShownBesideTheRole() throws {
        let workspace = try preparedWorkspace()
        try workspace.write("staff.csv", "name,email,agency,team,job_role\nSam Patel,sam@c.example,Calderdale Council,Children in care,Social worker\n")
        #expect(try workspace.run(["learner", "import", "staff.csv"]).status == 0)
        try workspace.run(["learner", "add", "Jo Bloggs", "jo@c.example", "--agency", "Calderdale Council", "--team", "Front door"])
        let listed = try workspace.run(["learner", "list"]).output.split(separator: "\n").map(String.init)
        #expect(listed[0].hasPrefix("Name") && listed[0].hasSuffix("Team"))
        #expect(listed.contains { $0.hasPrefix("Sam Patel") && $0.contains("Social worker") && $0.hasSuffix("Children in care") })
        #expect(listed.contains { $0.hasPrefix("Jo Bloggs") && $0.hasSuffix("Front door") })
        let shown = try workspace.run(["learner", "show", "sam@c.example"]).output
        #expect(shown.hasPrefix("Sam Patel <sam@c.example>, Calderdale Council, Social worker, Children in care\n"))
    }

    @Test func anEmailAlreadyTakenIsRefusedAndWritesNothing() throws {
        let workspace = try preparedWorkspace()
        try workspace.run(["learner", "add", "Sam Patel", "sam@c.example", "--agency", "Calderdale Council"])
        let before = try workspace.snapshot()
        let result = try workspace.run(["learner", "add", "Samuel Patel", "SAM@c.example", "--agency", "Calderdale Council"])
        #expect(result.status == 1)
        #expect(result.errors == "error: field 'email': the email SAM@c.example is already taken by Sam Patel\n")
        #expect(try workspace.snapshot() == before)
    }

    @Test func aMalformedFinancialYearIsRefusedNamingTheOption() throws {
        let workspace = try preparedWorkspace()
        let before = try workspace.snapshot()
        let result = try workspace.run(["agency", "workforce", "Calderdale Council", "--year", "2025-27", "--headcount", "1450"])
        // argument-parser refuses the value (status 64, a usage error), naming the option and the value before the reason.
        #expect(result.status == 64)
        #expect(result.errors.hasPrefix(
            "Error: The value '2025-27' is invalid for '--year <year>': '2025-27' is not a financial year: 27 does not follow 2025 (did you mean 2025-26?)\n"))
        #expect(try workspace.snapshot() == before)
    }

    @Test func anUnknownSectorIsRefusedWithTheSectorsThatExist() throws {
        let workspace = try preparedWorkspace()
        let result = try workspace.run(["agency", "add", "St Mary's", "--sector", "Church"])
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("error: field '--sector': unknown sector 'Church' (expected one of: Local Authority, Health,"))
    }

    @Test func checkReportsASoundDatabaseAndADamagedCopy() throws {
        let workspace = try preparedWorkspace()
        let sound = try workspace.run(["check"])
        #expect(sound.status == 0)
        #expect(sound.output.contains("is sound"))

        // Damage a copy: overwrite its second half with noise.
        let copy = workspace.folder.appendingPathComponent("damaged.sqlite")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: workspace.database), to: copy)
        var bytes = try Data(contentsOf: copy)
        let start = bytes.count / 2
        for index in start..<min(bytes.count, start + 16_384) { bytes[index] = UInt8(truncatingIfNeeded: index &* 31) }
        try bytes.write(to: copy)
        let damaged = try workspace.run(["check", "--database", copy.path], database: false)
        #expect(damaged.status == 1)
        #expect(damaged.errors.contains("is damaged"))
        // Each problem found is listed, whether integrity_check ran or SQLite found the image malformed first.
        #expect(damaged.output.hasPrefix("  - "))
        #expect(damaged.output.contains("integrity") || damaged.output.contains("malformed"))
    }

    @Test func aMissingDatabaseSaysHowToCreateOne() throws {
        let workspace = Workspace()
        let result = try workspace.run(["catalogue", "list"])
        #expect(result.status == 1)
        #expect(result.errors == "error: there is no database at \(workspace.database): create one with `training init --database \(workspace.database)`\n")
        #expect(!FileManager.default.fileExists(atPath: workspace.database))
    }

    @Test func aFileThatIsNotADatabaseSaysHowToCheckIt() throws {
        let workspace = Workspace()
        let notes = try workspace.write("notes.sqlite", String(repeating: "this is a text file, not a database\n", count: 200))
        let result = try workspace.run(["catalogue", "list", "--database", notes], database: false)
        #expect(result.status == 1)
        #expect(result.errors == "error: \(notes) is not a training database (it is not an SQLite file, or it is damaged): "
                + "run `training check --database \(notes)`\n")
    }

    @Test func everyCommandHasHelpWithAnExample() throws {
        let workspace = Workspace()
        for command in [["init"], ["check"], ["catalogue", "import"], ["catalogue", "list"], ["catalogue", "show"],
                        ["agency", "add"], ["agency", "list"], ["agency", "workforce"],
                        ["learner", "add"], ["learner", "import"], ["learner", "list"],
                        ["session", "schedule"], ["session", "list"], ["session", "show"], ["session", "capacity"], ["session", "cancel"],
                        ["session", "deliver"], ["session", "ics"], ["book"], ["cancel"], ["substitute"], ["waitlist", "show"],
                        ["booking", "ics"], ["booking", "history"], ["register"], ["attend"], ["policy", "show"], ["policy", "set"],
                        ["charges", "list"], ["charges", "waive"], ["invoices", "raise"], ["invoices", "list"], ["invoices", "show"],
                        ["holiday", "add"], ["holiday", "list"], ["notifications"], ["audit"], ["today"],
                        ["licences", "buy"], ["licences", "status"], ["licences", "quota"], ["licences", "allocate"],
                        ["licences", "import-usage"], ["licences", "reclaim"], ["licences", "figures"],
                        ["settings", "show"], ["settings", "set"], ["evaluations", "due"], ["evaluate"], ["follow-up"],
                        ["import", "evaluations"], ["import", "history"], ["impact"], ["report", "board"], ["report", "quarter"], ["report", "agency"], ["report", "compliance"], ["export", "bookings"], ["demo"],
                        ["backup"], ["restore"], ["retention", "show"], ["retention", "set"], ["retention", "apply"],
                        ["subject-access"], ["erase"], ["serve"], ["user", "add"], ["user", "reset-password"], ["user", "list"]] {
            let help = try workspace.run(command + ["--help"], database: false)
            #expect(help.status == 0, "\(command)")
            #expect(help.output.contains("training \(command.joined(separator: " "))"), "\(command) help shows no example")
        }
    }

    @Test func showPrintsACourseWithItsPrerequisite() throws {
        let workspace = try preparedWorkspace()
        let result = try workspace.run(["catalogue", "show", "safeguarding children who experience domestic abuse"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("Safeguarding Children Who experience Domestic Abuse\n"))
        #expect(result.output.contains("Prerequisites: Awareness of Domestic Abuse"))
    }
}
