import Foundation
import Hummingbird
import TrainingCore
import TrainingStore

/// Learners answer their evaluation and follow-up from the personal link in their email: no account, the
/// link is the key, it works once and until it expires, and a bad link says nothing about anyone.
struct LearnerRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    /// The fields of each form, where a refusal naming one is shown.
    static let evaluationFields: Set<String> = ["satisfaction", "knowledge", "confidence_before", "confidence_after", "best_part",
                                                "practice_change", "improve"]
    static let followUpFields: Set<String> = ["used", "example", "difference", "barriers"]

    func add(to router: Router<WebContext>) {
        router.get("/evaluate/:token") { _, context in try await form(.evaluation, try context.parameters.require("token"), context) }
        router.post("/evaluate/:token") { _, context in try await submitEvaluation(try context.parameters.require("token"), context) }
        router.get("/follow-up/:token") { _, context in try await form(.followUp, try context.parameters.require("token"), context) }
        router.post("/follow-up/:token") { _, context in try await submitFollowUp(try context.parameters.require("token"), context) }
    }

    func form(_ kind: InvitationKind, _ token: String, _ context: WebContext, errors: [FieldError] = [],
              values: [String: String] = [:]) async throws -> Response {
        let subject: (courseTitle: String, sessionDate: LocalDate)
        do {
            subject = try await database.reading { try $0.invitationSubject(token: token, kind: kind) }
        } catch let error as InvitationError {
            return refused(error, context, status: error == .unknown ? .notFound : .gone)
        }
        if kind == .evaluation {
            return site.pages.render("evaluation", title: "Your evaluation of \(subject.courseTitle)",
                                     EvaluationPage(token: token, date: subject.sessionDate, values: values), context: context, errors: errors)
        }
        return site.pages.render("follow-up", title: "What has changed since \(subject.courseTitle)",
                                 FollowUpPage(token: token, date: subject.sessionDate, values: values), context: context, errors: errors)
    }

    /// The page for a link that cannot be used (unknown, used or expired), saying nothing about anyone.
    func refused(_ error: InvitationError, _ context: WebContext, status: HTTPResponse.Status) -> Response {
        site.pages.render("error", title: "This link cannot be used", ErrorPage(message: error.localizedDescription.capitalizedFirst),
                          context: context, status: status)
    }

    func submitEvaluation(_ token: String, _ context: WebContext) async throws -> Response {
        let form = context.form
        let values = form.fields.compactMapValues(\.first)
        var errors: [FieldError] = []
        let satisfaction = form["satisfaction"].flatMap(Int.init)
        if satisfaction == nil { errors.append(FieldError(field: "satisfaction", message: "Choose how satisfied you were, from 1 to 5")) }
        let knowledge = form["knowledge"].flatMap { KnowledgeGain(rawValue: $0) }
        if knowledge == nil { errors.append(FieldError(field: "knowledge", message: "Choose how much your knowledge improved")) }
        guard errors.isEmpty, let satisfaction, let knowledge else {
            return try await self.form(.evaluation, token, context, errors: errors, values: values)
        }
        do {
            let answers = try EvaluationAnswers(satisfaction: satisfaction, knowledge: knowledge,
                                                confidenceBefore: form["confidence_before"].flatMap(Int.init),
                                                confidenceAfter: form["confidence_after"].flatMap(Int.init),
                                                bestPart: form["best_part"], practiceChange: form["practice_change"], improve: form["improve"])
            try await database.writing { try $0.submitEvaluation(token: token, answers: answers) }
        } catch let error as InvitationError {
            return refused(error, context, status: .gone)
        } catch {
            guard let problems = fieldErrors(error, field: "best_part", among: Self.evaluationFields) else { throw error }
            return try await self.form(.evaluation, token, context, errors: problems, values: values)
        }
        return site.pages.render("thanks", title: "Thank you", NoPageValues(), context: context)
    }

    func submitFollowUp(_ token: String, _ context: WebContext) async throws -> Response {
        let form = context.form
        let values = form.fields.compactMapValues(\.first)
        guard let used = form["used"].flatMap({ UsedInPractice(rawValue: $0) }) else {
            return try await self.form(.followUp, token, context,
                                       errors: [FieldError(field: "used", message: "Choose whether you have used what you learned")], values: values)
        }
        do {
            let answers = try FollowUpAnswers(used: used, example: form["example"], difference: form["difference"].flatMap(Int.init),
                                              barriers: form["barriers"])
            try await database.writing { try $0.submitFollowUp(token: token, answers: answers) }
        } catch let error as InvitationError {
            return refused(error, context, status: .gone)
        } catch {
            guard let problems = fieldErrors(error, field: "example", among: Self.followUpFields) else { throw error }
            return try await self.form(.followUp, token, context, errors: problems, values: values)
        }
        return site.pages.render("thanks", title: "Thank you", NoPageValues(), context: context)
    }
}

extension String {
    /// The text with its first letter in capitals.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
