import Foundation
import GRDB
import TrainingCore

// Rows read and written by hand for the records every booking, register and licence allocation touches.
// GRDB's Codable path (a decoder or encoder per row, keys as strings, dates through a DateFormatter) was a
// sixth of the large demo's build; these say the same columns directly. The JSON of the audit still uses
// the records' Codable conformance. Migrations that add a column to these tables must add it here too
// (the store tests round-trip every record).

extension Booking {
    public init(row: Row) throws {
        id = row["id"]
        sessionId = row["sessionId"]
        learnerId = row["learnerId"]
        agencyId = row["agencyId"]
        status = try row.word("status")
        bookedAt = row["bookedAt"]
        bookedBy = row["bookedBy"]
        cancelledAt = row["cancelledAt"]
        cancelledBy = row["cancelledBy"]
        cancellationReason = row["cancellationReason"]
        noticeWorkingDays = row["noticeWorkingDays"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["sessionId"] = sessionId
        container["learnerId"] = learnerId
        container["agencyId"] = agencyId
        container["status"] = status.rawValue
        container["bookedAt"] = StoredInstant(bookedAt)
        container["bookedBy"] = bookedBy
        container["cancelledAt"] = cancelledAt.map(StoredInstant.init)
        container["cancelledBy"] = cancelledBy
        container["cancellationReason"] = cancellationReason
        container["noticeWorkingDays"] = noticeWorkingDays
    }
}

extension LicenceAllocation {
    public init(row: Row) throws {
        id = row["id"]
        poolId = row["poolId"]
        learnerId = row["learnerId"]
        courseId = row["courseId"]
        agencyId = row["agencyId"]
        status = try row.word("status")
        allocatedOn = row["allocatedOn"]
        startedOn = row["startedOn"]
        completedOn = row["completedOn"]
        reclaimedOn = row["reclaimedOn"]
        allocatedBy = row["allocatedBy"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["poolId"] = poolId
        container["learnerId"] = learnerId
        container["courseId"] = courseId
        container["agencyId"] = agencyId
        container["status"] = status.rawValue
        container["allocatedOn"] = allocatedOn
        container["startedOn"] = startedOn
        container["completedOn"] = completedOn
        container["reclaimedOn"] = reclaimedOn
        container["allocatedBy"] = allocatedBy
    }
}

extension Learner {
    public init(row: Row) throws {
        id = row["id"]
        name = row["name"]
        email = row["email"]
        agencyId = row["agencyId"]
        jobRole = row["jobRole"]
        createdAt = row["createdAt"]
        anonymisedAt = row["anonymisedAt"]
        team = row["team"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["name"] = name
        container["email"] = email
        container["agencyId"] = agencyId
        container["jobRole"] = jobRole
        container["createdAt"] = StoredInstant(createdAt)
        container["anonymisedAt"] = anonymisedAt.map(StoredInstant.init)
        container["team"] = team
    }
}

extension Session {
    public init(row: Row) throws {
        id = row["id"]
        courseId = row["courseId"]
        reference = row["reference"]
        startsAt = row["startsAt"]
        endsAt = row["endsAt"]
        startDate = row["startDate"]
        delivery = try row.word("delivery")
        venue = row["venue"]
        onlineURL = row["onlineURL"]
        trainer = row["trainer"]
        capacity = row["capacity"]
        minimumNumbers = row["minimumNumbers"]
        perAgencyCap = row["perAgencyCap"]
        bookingCutoffAt = row["bookingCutoffAt"]
        status = try row.word("status")
        cancelReason = try row.optionalWord("cancelReason")
        cancelNote = row["cancelNote"]
        cancelledAt = row["cancelledAt"]
        deliveredAt = row["deliveredAt"]
        createdAt = row["createdAt"]
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["courseId"] = courseId
        container["reference"] = reference
        container["startsAt"] = StoredInstant(startsAt)
        container["endsAt"] = StoredInstant(endsAt)
        container["startDate"] = startDate
        container["delivery"] = delivery.rawValue
        container["venue"] = venue
        container["onlineURL"] = onlineURL
        container["trainer"] = trainer
        container["capacity"] = capacity
        container["minimumNumbers"] = minimumNumbers
        container["perAgencyCap"] = perAgencyCap
        container["bookingCutoffAt"] = bookingCutoffAt.map(StoredInstant.init)
        container["status"] = status.rawValue
        container["cancelReason"] = cancelReason?.rawValue
        container["cancelNote"] = cancelNote
        container["cancelledAt"] = cancelledAt.map(StoredInstant.init)
        container["deliveredAt"] = deliveredAt.map(StoredInstant.init)
        container["createdAt"] = StoredInstant(createdAt)
    }
}
