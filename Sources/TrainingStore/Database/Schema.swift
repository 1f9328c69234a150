import GRDB

/// The database schema as named, append-only migrations. A migration that has shipped is never edited:
/// a change is a new migration appended at the end, so every older file can be brought up to date.
///
/// Conventions: tables are STRICT; every enumerated column has a CHECK listing its values; instants are
/// UTC text `YYYY-MM-DD HH:MM:SS.SSS` (GRDB's Date format); calendar days are `YYYY-MM-DD` London dates;
/// financial years are the integer year of their 1 April; money is integer pence.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("1-people-and-catalogue", migrate: createPeopleAndCatalogue)
        migrator.registerMigration("2-sessions-and-bookings", migrate: createSessionsAndBookings)
        migrator.registerMigration("3-elearning-licences", migrate: createLicences)
        migrator.registerMigration("4-evaluations", migrate: createEvaluations)
        migrator.registerMigration("5-charges-and-invoices", migrate: createChargesAndInvoices)
        migrator.registerMigration("6-retention-and-erasure", migrate: createRetentionPolicy)
        migrator.registerMigration("7-report-covering-indexes", migrate: createReportCoveringIndexes)
        migrator.registerMigration("8-web-sessions", migrate: createWebSessions)
        migrator.registerMigration("9-year-scan-covering-indexes", migrate: createYearScanCoveringIndexes)
        migrator.registerMigration("10-officer-notifications", migrate: allowOfficerNotifications)
        migrator.registerMigration("11-credit-notes", migrate: createCreditNotes)
        migrator.registerMigration("12-register-and-licence-statuses", migrate: allowRegisterAndLicenceStatuses)
        migrator.registerMigration("13-imported-booking-notes", migrate: allowImportedBookingNotes)
        migrator.registerMigration("14-outbox", migrate: createOutbox)
        migrator.registerMigration("15-certificates", migrate: createCertificates)
        migrator.registerMigration("16-learner-team", migrate: addLearnerTeam)
        migrator.registerMigration("17-learner-links", migrate: createLearnerLinks)
        migrator.registerMigration("18-place-requests", migrate: createPlaceRequests)
        migrator.registerMigration("19-owed-place-messages", migrate: createOwedPlaceMessages)
        migrator.registerMigration("20-cleared-message-recipients", migrate: allowClearedRecipients)
        return migrator
    }

    /// The identifiers of every migration, oldest first.
    static var migrationIdentifiers: [String] { migrator.migrations }

    static func createPeopleAndCatalogue(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE agency (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
                sector TEXT NOT NULL CHECK (sector IN ('Local Authority', 'Health', 'Police', 'Education',
                    'Early Years', 'Voluntary & Community', 'Private', 'Probation', 'Housing', 'Justice',
                    'Partnership', 'Other')),
                isStatutoryPartner INTEGER NOT NULL DEFAULT 0 CHECK (isStatutoryPartner IN (0, 1)),
                billingContact TEXT,
                createdAt TEXT NOT NULL
            ) STRICT;

            -- Declared children's workforce of an agency in one financial year: the denominator of take-up.
            CREATE TABLE agencyWorkforce (
                agencyId INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
                financialYear INTEGER NOT NULL CHECK (financialYear BETWEEN 1990 AND 2200),
                headcount INTEGER NOT NULL CHECK (headcount >= 0),
                PRIMARY KEY (agencyId, financialYear)
            ) STRICT;

            -- Email is unique ignoring case; it is null only once a learner has been anonymised.
            CREATE TABLE learner (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL CHECK (length(trim(name)) > 0),
                email TEXT UNIQUE COLLATE NOCASE,
                agencyId INTEGER REFERENCES agency(id) ON DELETE RESTRICT,
                jobRole TEXT,
                createdAt TEXT NOT NULL,
                anonymisedAt TEXT,
                CHECK (email IS NOT NULL OR anonymisedAt IS NOT NULL)
            ) STRICT;
            CREATE INDEX learner_agency ON learner(agencyId);

            CREATE TABLE course (
                id INTEGER PRIMARY KEY,
                title TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(title)) > 0),
                level TEXT NOT NULL CHECK (level IN ('foundation', 'intermediate', 'advanced')),
                delivery TEXT NOT NULL CHECK (delivery IN ('face-to-face', 'virtual', 'e-learning', 'conference')),
                durationMinutes INTEGER NOT NULL CHECK (durationMinutes > 0),
                defaultCapacity INTEGER NOT NULL CHECK (defaultCapacity > 0),
                minimumNumbers INTEGER NOT NULL CHECK (minimumNumbers >= 0),
                refresherMonths INTEGER CHECK (refresherMonths > 0),
                summary TEXT NOT NULL DEFAULT '',
                isActive INTEGER NOT NULL DEFAULT 1 CHECK (isActive IN (0, 1)),
                createdAt TEXT NOT NULL,
                updatedAt TEXT NOT NULL,
                CHECK (minimumNumbers <= defaultCapacity)
            ) STRICT;
            CREATE INDEX course_level ON course(level, title);

            CREATE TABLE courseOutcome (
                courseId INTEGER NOT NULL REFERENCES course(id) ON DELETE CASCADE,
                position INTEGER NOT NULL CHECK (position >= 1),
                text TEXT NOT NULL CHECK (length(trim(text)) > 0),
                PRIMARY KEY (courseId, position)
            ) STRICT;

            CREATE TABLE coursePrerequisite (
                courseId INTEGER NOT NULL REFERENCES course(id) ON DELETE CASCADE,
                prerequisiteId INTEGER NOT NULL REFERENCES course(id) ON DELETE RESTRICT,
                PRIMARY KEY (courseId, prerequisiteId),
                CHECK (courseId <> prerequisiteId)
            ) STRICT;
            CREATE INDEX coursePrerequisite_prerequisite ON coursePrerequisite(prerequisiteId);

            -- People who sign in: the officer, agency bookers (tied to one agency) and board members.
            CREATE TABLE appUser (
                id INTEGER PRIMARY KEY,
                email TEXT NOT NULL UNIQUE COLLATE NOCASE,
                name TEXT NOT NULL,
                role TEXT NOT NULL CHECK (role IN ('officer', 'booker', 'board')),
                agencyId INTEGER REFERENCES agency(id) ON DELETE RESTRICT,
                passwordHash TEXT,
                isActive INTEGER NOT NULL DEFAULT 1 CHECK (isActive IN (0, 1)),
                failedLogins INTEGER NOT NULL DEFAULT 0 CHECK (failedLogins >= 0),
                lockedUntil TEXT,
                createdAt TEXT NOT NULL,
                lastLoginAt TEXT,
                CHECK ((role = 'booker') = (agencyId IS NOT NULL))
            ) STRICT;

            -- Who changed what, when, from what to what. Values are JSON objects of the changed fields.
            CREATE TABLE auditEntry (
                id INTEGER PRIMARY KEY,
                at TEXT NOT NULL,
                actor TEXT NOT NULL,
                action TEXT NOT NULL,
                entity TEXT NOT NULL,
                entityId TEXT,
                before TEXT CHECK (before IS NULL OR json_valid(before)),
                after TEXT CHECK (after IS NULL OR json_valid(after))
            ) STRICT;
            CREATE INDEX auditEntry_at ON auditEntry(at);
            CREATE INDEX auditEntry_entity ON auditEntry(entity, entityId);

            -- Partnership-wide settings (partnership name, links), one row per key.
            CREATE TABLE setting (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL
            ) STRICT;
            """)
    }

    static func createSessionsAndBookings(_ db: Database) throws {
        try db.execute(sql: """
            -- One scheduled run of a course. startDate is the London calendar day of startsAt, kept for
            -- by-year and by-quarter queries and for working-day notice.
            CREATE TABLE session (
                id INTEGER PRIMARY KEY,
                courseId INTEGER NOT NULL REFERENCES course(id) ON DELETE RESTRICT,
                reference TEXT UNIQUE,
                startsAt TEXT NOT NULL,
                endsAt TEXT NOT NULL,
                startDate TEXT NOT NULL,
                delivery TEXT NOT NULL CHECK (delivery IN ('face-to-face', 'virtual', 'e-learning', 'conference')),
                venue TEXT,
                onlineURL TEXT,
                trainer TEXT,
                capacity INTEGER NOT NULL CHECK (capacity > 0),
                minimumNumbers INTEGER NOT NULL DEFAULT 0 CHECK (minimumNumbers >= 0),
                perAgencyCap INTEGER CHECK (perAgencyCap > 0),
                bookingCutoffAt TEXT,
                status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'delivered', 'cancelled')),
                cancelReason TEXT CHECK (cancelReason IN ('low-numbers', 'trainer', 'venue', 'other')),
                cancelNote TEXT,
                cancelledAt TEXT,
                deliveredAt TEXT,
                createdAt TEXT NOT NULL,
                CHECK (endsAt > startsAt),
                CHECK (cancelReason IS NULL OR status = 'cancelled')
            ) STRICT;
            CREATE INDEX session_startDate ON session(startDate, status);
            CREATE INDEX session_course ON session(courseId, startDate);

            -- A learner's place on a session. agencyId is the learner's agency when the booking was made
            -- (null: agency not recorded); it does not follow the learner to a new agency.
            CREATE TABLE booking (
                id INTEGER PRIMARY KEY,
                sessionId INTEGER NOT NULL REFERENCES session(id) ON DELETE RESTRICT,
                learnerId INTEGER NOT NULL REFERENCES learner(id) ON DELETE RESTRICT,
                agencyId INTEGER REFERENCES agency(id) ON DELETE RESTRICT,
                status TEXT NOT NULL CHECK (status IN ('confirmed', 'waitlisted', 'cancelled', 'attended', 'did-not-attend')),
                bookedAt TEXT NOT NULL,
                bookedBy TEXT,
                cancelledAt TEXT,
                cancelledBy TEXT,
                cancellationReason TEXT,
                noticeWorkingDays INTEGER CHECK (noticeWorkingDays >= 0),
                CHECK ((status = 'cancelled') = (cancelledAt IS NOT NULL))
            ) STRICT;
            -- A learner holds at most one live place on a session.
            CREATE UNIQUE INDEX booking_oneLivePerLearner ON booking(sessionId, learnerId) WHERE status <> 'cancelled';
            CREATE INDEX booking_session ON booking(sessionId, status, id);
            CREATE INDEX booking_agency ON booking(agencyId, status);
            CREATE INDEX booking_learner ON booking(learnerId, status);

            -- The status history of a booking, substitutions included (who was replaced by whom).
            CREATE TABLE bookingEvent (
                id INTEGER PRIMARY KEY,
                bookingId INTEGER NOT NULL REFERENCES booking(id) ON DELETE CASCADE,
                at TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('booked', 'waitlisted', 'promoted', 'cancelled', 'substituted',
                    'attended', 'did-not-attend', 'register-corrected', 'session-cancelled')),
                fromStatus TEXT,
                toStatus TEXT,
                learnerId INTEGER REFERENCES learner(id),
                previousLearnerId INTEGER REFERENCES learner(id),
                actor TEXT NOT NULL,
                note TEXT
            ) STRICT;
            CREATE INDEX bookingEvent_booking ON bookingEvent(bookingId, id);

            -- A message owed to a booker: a waiting-list promotion, a cancelled session.
            CREATE TABLE notification (
                id INTEGER PRIMARY KEY,
                bookingId INTEGER REFERENCES booking(id) ON DELETE CASCADE,
                sessionId INTEGER REFERENCES session(id) ON DELETE CASCADE,
                recipient TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('promoted-from-waitlist', 'session-cancelled', 'booking-cancelled')),
                message TEXT NOT NULL,
                createdAt TEXT NOT NULL,
                sentAt TEXT
            ) STRICT;

            -- Bank holidays the officer added to the shipped England and Wales list.
            CREATE TABLE bankHoliday (
                date TEXT PRIMARY KEY CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
                name TEXT NOT NULL
            ) STRICT;
            """)
    }

    static func createLicences(_ db: Database) throws {
        try db.execute(sql: """
            -- A purchase of e-learning licences.
            CREATE TABLE licencePool (
                id INTEGER PRIMARY KEY,
                supplier TEXT,
                licenceCount INTEGER NOT NULL CHECK (licenceCount > 0),
                startsOn TEXT NOT NULL,
                endsOn TEXT NOT NULL,
                note TEXT,
                boughtAt TEXT NOT NULL,
                CHECK (endsOn >= startsOn)
            ) STRICT;

            CREATE TABLE licenceQuota (
                poolId INTEGER NOT NULL REFERENCES licencePool(id) ON DELETE CASCADE,
                agencyId INTEGER NOT NULL REFERENCES agency(id) ON DELETE CASCADE,
                quota INTEGER NOT NULL CHECK (quota >= 0),
                PRIMARY KEY (poolId, agencyId)
            ) STRICT;

            -- One licence for one learner and one module. poolId is null for imported history that no
            -- pool covered.
            CREATE TABLE licenceAllocation (
                id INTEGER PRIMARY KEY,
                poolId INTEGER REFERENCES licencePool(id) ON DELETE RESTRICT,
                learnerId INTEGER NOT NULL REFERENCES learner(id) ON DELETE RESTRICT,
                courseId INTEGER NOT NULL REFERENCES course(id) ON DELETE RESTRICT,
                agencyId INTEGER REFERENCES agency(id) ON DELETE RESTRICT,
                status TEXT NOT NULL CHECK (status IN ('allocated', 'started', 'completed', 'reclaimed', 'expired')),
                allocatedOn TEXT NOT NULL,
                startedOn TEXT,
                completedOn TEXT,
                reclaimedOn TEXT,
                allocatedBy TEXT,
                CHECK (completedOn IS NULL OR status = 'completed' OR status = 'expired')
            ) STRICT;
            CREATE UNIQUE INDEX licenceAllocation_oneLive ON licenceAllocation(learnerId, courseId)
                WHERE status IN ('allocated', 'started');
            CREATE INDEX licenceAllocation_pool ON licenceAllocation(poolId, status);
            CREATE INDEX licenceAllocation_allocatedOn ON licenceAllocation(allocatedOn);
            CREATE INDEX licenceAllocation_completedOn ON licenceAllocation(completedOn);
            CREATE INDEX licenceAllocation_agency ON licenceAllocation(agencyId, allocatedOn);
            """)
    }

    static func createEvaluations(_ db: Database) throws {
        try db.execute(sql: """
            -- A personal, single-use link to an evaluation or a follow-up, due on dueOn. Only a hash of the
            -- token is kept, so a token exists only when it is issued (sentAt); it expires at expiresAt.
            CREATE TABLE evaluationInvitation (
                id INTEGER PRIMARY KEY,
                bookingId INTEGER NOT NULL REFERENCES booking(id) ON DELETE CASCADE,
                kind TEXT NOT NULL CHECK (kind IN ('evaluation', 'follow-up')),
                tokenHash BLOB UNIQUE,
                createdAt TEXT NOT NULL,
                dueOn TEXT NOT NULL,
                sentAt TEXT,
                expiresAt TEXT,
                usedAt TEXT,
                UNIQUE (bookingId, kind),
                CHECK ((tokenHash IS NULL) = (sentAt IS NULL) AND (sentAt IS NULL) = (expiresAt IS NULL))
            ) STRICT;
            CREATE INDEX evaluationInvitation_due ON evaluationInvitation(usedAt, sentAt, dueOn);

            CREATE TABLE evaluation (
                id INTEGER PRIMARY KEY,
                bookingId INTEGER NOT NULL UNIQUE REFERENCES booking(id) ON DELETE CASCADE,
                submittedAt TEXT NOT NULL,
                satisfaction INTEGER NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
                knowledge TEXT NOT NULL CHECK (knowledge IN ('a-lot', 'a-little', 'not-at-all')),
                confidenceBefore INTEGER CHECK (confidenceBefore BETWEEN 1 AND 10),
                confidenceAfter INTEGER CHECK (confidenceAfter BETWEEN 1 AND 10),
                bestPart TEXT CHECK (length(bestPart) <= 4000),
                practiceChange TEXT CHECK (length(practiceChange) <= 4000),
                improve TEXT CHECK (length(improve) <= 4000),
                textRemovedAt TEXT
            ) STRICT;
            CREATE INDEX evaluation_submittedAt ON evaluation(submittedAt);

            CREATE TABLE followUp (
                id INTEGER PRIMARY KEY,
                bookingId INTEGER NOT NULL UNIQUE REFERENCES booking(id) ON DELETE CASCADE,
                submittedAt TEXT NOT NULL,
                usedInPractice TEXT NOT NULL CHECK (usedInPractice IN ('yes', 'partly', 'no')),
                example TEXT CHECK (length(example) <= 4000),
                difference INTEGER CHECK (difference BETWEEN 1 AND 5),
                barriers TEXT CHECK (length(barriers) <= 4000),
                textRemovedAt TEXT
            ) STRICT;
            """)
    }

    static func createChargesAndInvoices(_ db: Database) throws {
        try db.execute(sql: """
            -- The charging policy in force (one row). Charges copy the numbers they used, so editing the
            -- policy never changes a charge already raised.
            CREATE TABLE chargingPolicy (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                cutoffWorkingDays INTEGER NOT NULL CHECK (cutoffWorkingDays >= 0),
                lateCancellationPercent INTEGER NOT NULL CHECK (lateCancellationPercent BETWEEN 0 AND 100),
                nonAttendancePercent INTEGER NOT NULL CHECK (nonAttendancePercent BETWEEN 0 AND 100),
                halfDayFeePence INTEGER NOT NULL CHECK (halfDayFeePence >= 0),
                fullDayFeePence INTEGER NOT NULL CHECK (fullDayFeePence >= 0),
                halfDayMaxMinutes INTEGER NOT NULL CHECK (halfDayMaxMinutes > 0),
                exemptReasons TEXT NOT NULL CHECK (json_valid(exemptReasons)),
                updatedAt TEXT NOT NULL
            ) STRICT;

            -- Invoice numbers are sequential and never reused.
            CREATE TABLE invoice (
                id INTEGER PRIMARY KEY,
                number INTEGER NOT NULL UNIQUE CHECK (number > 0),
                agencyId INTEGER NOT NULL REFERENCES agency(id) ON DELETE RESTRICT,
                financialYear INTEGER NOT NULL,
                quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
                totalPence INTEGER NOT NULL CHECK (totalPence >= 0),
                raisedAt TEXT NOT NULL,
                raisedBy TEXT NOT NULL
            ) STRICT;
            CREATE INDEX invoice_agency ON invoice(agencyId, financialYear, quarter);

            -- A fee on an agency for a late cancellation or a non-attendance, with the rule and the numbers
            -- it came from. An exempt cancellation is recorded at zero with its reason, so it is visible.
            CREATE TABLE charge (
                id INTEGER PRIMARY KEY,
                bookingId INTEGER NOT NULL REFERENCES booking(id) ON DELETE RESTRICT,
                agencyId INTEGER NOT NULL REFERENCES agency(id) ON DELETE RESTRICT,
                learnerId INTEGER REFERENCES learner(id) ON DELETE RESTRICT,
                kind TEXT NOT NULL CHECK (kind IN ('late-cancellation', 'non-attendance')),
                amountPence INTEGER NOT NULL CHECK (amountPence >= 0),
                feePence INTEGER NOT NULL CHECK (feePence >= 0),
                percent INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
                noticeWorkingDays INTEGER,
                rule TEXT NOT NULL,
                exemptReason TEXT,
                raisedAt TEXT NOT NULL,
                raisedOn TEXT NOT NULL,
                waivedAt TEXT,
                waivedBy TEXT,
                waiverReason TEXT,
                reversedAt TEXT,
                invoiceId INTEGER REFERENCES invoice(id) ON DELETE RESTRICT,
                CHECK ((waivedAt IS NULL) = (waiverReason IS NULL)),
                CHECK (exemptReason IS NULL OR amountPence = 0)
            ) STRICT;
            CREATE INDEX charge_agency ON charge(agencyId, raisedOn);
            CREATE INDEX charge_booking ON charge(bookingId);
            CREATE INDEX charge_invoice ON charge(invoiceId);
            """)
    }

    static func createRetentionPolicy(_ db: Database) throws {
        try db.execute(sql: """
            -- How long personal data is kept (one row; none means RetentionPolicy.standard).
            CREATE TABLE retentionPolicy (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                inactiveLearnerYears INTEGER NOT NULL CHECK (inactiveLearnerYears BETWEEN 1 AND 50),
                evaluationTextYears INTEGER NOT NULL CHECK (evaluationTextYears BETWEEN 1 AND 50),
                auditLogYears INTEGER NOT NULL CHECK (auditLogYears BETWEEN 1 AND 50),
                updatedAt TEXT NOT NULL
            ) STRICT;

            -- A learner's licences (for subject access, erasure and "last activity") are found by the index
            -- licenceAllocation_learnerCourse of migration 7. Audit entries about one learner are found by entity and id (auditEntry_entity); free text
            -- older than its period is found by date.
            CREATE INDEX followUp_submittedAt ON followUp(submittedAt);
            CREATE INDEX charge_learner ON charge(learnerId);
            -- Places a learner gave up to a substitute (rare, so a small partial index).
            CREATE INDEX bookingEvent_replaced ON bookingEvent(previousLearnerId) WHERE previousLearnerId IS NOT NULL;
            """)
    }

    static func createWebSessions(_ db: Database) throws {
        try db.execute(sql: """
            -- Signed-in web sessions, kept in the database so a restart signs nobody out. The key is the
            -- session cookie's random value; the value is the session's JSON.
            CREATE TABLE webSession (
                key TEXT PRIMARY KEY,
                value BLOB NOT NULL,
                expiresAt TEXT
            ) STRICT;
            CREATE INDEX webSession_expiresAt ON webSession(expiresAt);
            """)
    }

    /// Indexes that keep a large partnership's reports and bulk work fast (measured on the large demo, a
    /// million bookings and a million licence allocations; see README, Benchmarks):
    /// - a learner's allocations of one module, which the supplier's usage import looks up for every row
    ///   (the unique index covers live allocations only, so without this each row scanned the table);
    /// - allocations by status and date, for reclaiming the unused and listing those in use;
    /// - for the e-learning figures of a year, each of the four dates of an allocation with its agency and
    ///   module, so counting a year's allocations, starts, completions and reclaims by quarter, agency and
    ///   module reads an index alone (these replace the indexes on allocatedOn and completedOn alone);
    /// - a booking's evaluation and follow-up answers, so the impact figures of a year read no answer rows.
    static func createReportCoveringIndexes(_ db: Database) throws {
        try db.execute(sql: """
            CREATE INDEX licenceAllocation_learnerCourse ON licenceAllocation(learnerId, courseId, allocatedOn);
            CREATE INDEX licenceAllocation_status ON licenceAllocation(status, allocatedOn);
            DROP INDEX licenceAllocation_allocatedOn;
            DROP INDEX licenceAllocation_completedOn;
            CREATE INDEX licenceAllocation_allocatedOnCovering ON licenceAllocation(allocatedOn, agencyId, courseId);
            CREATE INDEX licenceAllocation_startedOnCovering ON licenceAllocation(startedOn, agencyId, courseId);
            CREATE INDEX licenceAllocation_completedOnCovering ON licenceAllocation(completedOn, agencyId, courseId);
            CREATE INDEX licenceAllocation_reclaimedOnCovering ON licenceAllocation(reclaimedOn, agencyId, courseId);
            CREATE INDEX evaluation_bookingAnswers ON evaluation(bookingId, satisfaction, knowledge, confidenceBefore, confidenceAfter);
            CREATE INDEX followUp_bookingAnswers ON followUp(bookingId, usedInPractice, difference);
            """)
    }

    /// The board's figures visit each attended booking of a year through its session; these let them read
    /// indexes alone (measured on the large demo: see README, Benchmarks):
    /// - a session's bookings by status, in booking order as before, now carrying the booking's agency and
    ///   learner, which attendance, take-up and learners reached count (each booking was a row read);
    /// - completed allocations by day, now carrying status and learner for take-up, besides agency and module
    ///   for the e-learning figures (it replaces migration 7's index on the same day, agency and module).
    static func createYearScanCoveringIndexes(_ db: Database) throws {
        try db.execute(sql: """
            DROP INDEX booking_session;
            CREATE INDEX booking_session ON booking(sessionId, status, id, agencyId, learnerId);
            DROP INDEX licenceAllocation_completedOnCovering;
            CREATE INDEX licenceAllocation_completedOnCovering ON licenceAllocation(completedOn, agencyId, courseId, status, learnerId);
            """)
    }

    /// A notification may be owed to the officer: a booker tried to add staff with an address that belongs
    /// to someone outside their agency (issue 16, finding 3).
    static func allowOfficerNotifications(_ db: Database) throws {
        try allow(["staff-email-clash"], in: "kind", of: "notification", db)
    }
}
