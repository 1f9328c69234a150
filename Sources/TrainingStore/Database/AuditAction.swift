/// What an audit entry records was done: the closed list of actions the store writes into the audit log.
/// Each is stored as its text, which the audit listing, the web's audit page and a subject access export
/// show as written. A word read back that this version does not write is an `UnknownStoredWord`.
public enum AuditAction: String, Codable, Sendable, Hashable, CaseIterable {
    case agencyAdded = "agency added"
    case workforceDeclared = "workforce declared"
    case learnerAdded = "learner added"
    case learnerUpdated = "learner updated"
    case learnerErased = "learner erased"
    case userAdded = "user added"
    case passwordReset = "password reset"
    case userDeactivated = "user deactivated"
    case userReactivated = "user reactivated"
    case signedIn = "signed in"
    case signInFailed = "sign-in failed"
    case settingChanged = "setting changed"
    case courseAdded = "course added"
    case courseUpdated = "course updated"
    case coursePrerequisitesChanged = "course prerequisites changed"
    case courseRetired = "course retired"
    case courseReinstated = "course reinstated"
    case sessionScheduled = "session scheduled"
    case sessionCapacityChanged = "session capacity changed"
    case sessionCancelled = "session cancelled"
    case sessionDelivered = "session delivered"
    case bookingConfirmed = "booking confirmed"
    case bookingWaitlisted = "booking waitlisted"
    case prerequisitesOverridden = "prerequisites overridden"
    case bookingPromoted = "booking promoted from waiting list"
    case waitingListClosed = "waiting list closed"
    case bookingCancelled = "booking cancelled"
    case bookingCancelledLearnerErased = "booking cancelled: learner erased"
    case bookingSubstituted = "booking substituted"
    case registerMarked = "register marked"
    case registerCorrected = "register corrected"
    case historyImported = "history imported"
    case chargeRaised = "charge raised"
    case chargeExempted = "charge exempted"
    case chargeWaived = "charge waived"
    case chargeReversedByRegisterCorrection = "charge reversed by register correction"
    case chargeReversedSessionCancelled = "charge reversed: the partnership cancelled the session"
    case invoiceRaised = "invoice raised"
    case creditNoteIssued = "credit note issued"
    case chargingPolicyChanged = "charging policy changed"
    case bankHolidayAdded = "bank holiday added"
    case licencesBought = "licences bought"
    case licenceQuotaSet = "licence quota set"
    case licenceAllocated = "licence allocated"
    case licenceUsageRecorded = "licence usage recorded"
    case licenceReclaimed = "licence reclaimed"
    case licenceExpiredWithPool = "licence expired with its pool's contract"
    case evaluationLinksIssued = "evaluation links issued"
    case evaluationsImported = "evaluations imported"
    case retentionPolicyChanged = "retention policy changed"
    case retentionApplied = "retention applied"
    case sessionChanged = "session changed"
    case messageRetried = "message retried"
    case messageTemplateChanged = "message template changed"
    case messageKindSwitched = "message kind switched"
    case certificateIssued = "certificate issued"
    case learnerLinkIssued = "learner link issued"
    case placeRequestsAllowed = "place requests allowed"
    case placeRequestsStopped = "place requests stopped"
    case placeRequested = "place requested"
    case placeRequestApproved = "place request approved"
    case placeRequestDeclined = "place request declined"
    case placeRequestLapsed = "place request lapsed"
}

/// The kind of record an audit entry is about, stored as the name of its table (or of what the action
/// changed as a whole: a history import, the charging and retention policies).
public enum AuditedEntity: String, Codable, Sendable, Hashable, CaseIterable {
    case agency, learner, appUser, setting, course, session, booking, history, charge, invoice, creditNote
    case chargingPolicy, bankHoliday, licencePool, licenceAllocation, evaluation, evaluationInvitation, retentionPolicy
    case outboxMessage, messageTemplate
    case certificate
    case placeRequest
}
