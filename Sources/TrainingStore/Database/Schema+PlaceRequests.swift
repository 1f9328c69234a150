import GRDB
import TrainingCore

extension Schema {
    /// Requests for places (issue 22). `agencyTakingRequests` lists the agencies whose staff may ask for a
    /// place from their own page (the officer's setting: an agency not listed does not take requests).
    /// `placeRequest` holds each request with the learner's agency when they asked (whose bookers decide),
    /// its state, who decided and when, a decline's reason, and the booking an approval made. A learner
    /// has at most one request waiting for a decision on a session. The outbox's kinds are brought up to this
    /// version's, which adds the requests' messages.
    static func createPlaceRequests(_ db: Database) throws {
        let states = PlaceRequestState.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        try db.execute(sql: """
            CREATE TABLE agencyTakingRequests (
                agencyId INTEGER PRIMARY KEY REFERENCES agency(id) ON DELETE CASCADE,
                since TEXT NOT NULL,
                allowedBy TEXT NOT NULL
            ) STRICT;

            CREATE TABLE placeRequest (
                id INTEGER PRIMARY KEY,
                learnerId INTEGER NOT NULL REFERENCES learner(id) ON DELETE CASCADE,
                sessionId INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                agencyId INTEGER NOT NULL REFERENCES agency(id) ON DELETE RESTRICT,
                requestedAt TEXT NOT NULL,
                state TEXT NOT NULL DEFAULT 'requested' CHECK (state IN (\(states))),
                decidedAt TEXT,
                decidedBy TEXT,
                reason TEXT CHECK (reason IS NULL OR length(reason) <= 1000),
                bookingId INTEGER REFERENCES booking(id) ON DELETE RESTRICT,
                CHECK ((state = 'requested') = (decidedAt IS NULL)),
                CHECK ((state = 'approved') = (bookingId IS NOT NULL)),
                CHECK (state <> 'declined' OR reason IS NOT NULL)
            ) STRICT;
            CREATE UNIQUE INDEX placeRequest_oneWaiting ON placeRequest(learnerId, sessionId) WHERE state = 'requested';
            CREATE INDEX placeRequest_agency ON placeRequest(agencyId, state, requestedAt);
            CREATE INDEX placeRequest_learner ON placeRequest(learnerId, requestedAt);
            CREATE INDEX placeRequest_waiting ON placeRequest(state, sessionId);
            """)
        try allowEveryMessageKind(db)
    }
}
