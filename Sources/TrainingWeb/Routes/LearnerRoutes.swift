import Foundation
import Hummingbird
import TrainingCore
import TrainingStore

/// Learners answer their evaluation and follow-up from the personal link in their email: no account, the
/// link is the key, it works once and until it expires, and a bad link says nothing about anyone.
struct LearnerRoutes {
    let site: Site
    var database: AppDatabase { site.database }

    func add(to router: Router<WebContext>) {
        router.get("/evaluate/:token") { _, context in try form("evaluation", try context.parameters.require("token"), context) }
        router.post("/evaluate/:token") { _, context in try submitEvaluation(try context.parameters.require("token"), context) }
        router.get("/follow-up/:token") { _, context in try form("follow-up", try context.parameters.require("token"), context) }
        router.post("/follow-up/:token") { _, context in try submitFollowUp(try context.parameters.require("token"), context) }
    }

    func form(_ kind: String, _ token: String, _ context: WebContext, errors: [FieldError] = [], values: [String: String] = [:]) throws -> Response {
        let subject: (courseTitle: String, sessionDate: LocalDate)
        do {
            subject = try database.invitationSubject(token: token, kind: kind)
        } catch let error as InvitationError {
            return refused(error, context, status: error == .unknown ? .notFound : .gone)
        }
        let scale = { (range: ClosedRange<Int>, field: String) in
            range.map { ["value": $0, "field": field, "checked": values[field] == String($0)] }
        }
        let evaluation = kind == "evaluation"
        return site.pages.render(evaluation ? "evaluation" : "follow-up",
                                 title: evaluation ? "Your evaluation of \(subject.courseTitle)" : "What has changed since \(subject.courseTitle)", [
            "token": token, "date": subject.sessionDate.description, "values": values,
            "satisfaction": scale(1...5, "satisfaction"), "before": scale(1...10, "confidence_before"), "after": scale(1...10, "confidence_after"),
            "difference": scale(1...5, "difference"),
            "knowledge": KnowledgeGain.allCases.map { ["value": $0.rawValue, "label": $0.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst,
                                                       "checked": values["knowledge"] == $0.rawValue] },
            "used": UsedInPractice.allCases.map { ["value": $0.rawValue, "label": $0.rawValue.capitalizedFirst, "checked": values["used"] == $0.rawValue] },
        ], context: context, errors: errors)
    }

    /// The page for a link that cannot be used (unknown, used or expired), saying nothing about anyone.
    func refused(_ error: InvitationError, _ context: WebContext, status: HTTPResponse.Status) -> Response {
        site.pages.render("error", title: "This link cannot be used", ["message": error.localizedDescription.capitalizedFirst],
                          context: context, status: status)
    }

    func submitEvaluation(_ token: String, _ context: WebContext) throws -> Response {
        let form = context.form
        let values = form.fields.compactMapValues(\.first)
        var errors: [FieldError] = []
        let satisfaction = form["satisfaction"].flatMap(Int.init)
        if satisfaction == nil { errors.append(FieldError(field: "satisfaction-1", message: "Choose how satisfied you were, from 1 to 5")) }
        let knowledge = form["knowledge"].flatMap { KnowledgeGain(rawValue: $0) }
        if knowledge == nil { errors.append(FieldError(field: "knowledge-a-lot", message: "Choose how much your knowledge improved")) }
        guard errors.isEmpty, let satisfaction, let knowledge else { return try self.form("evaluation", token, context, errors: errors, values: values) }
        do {
            let answers = try EvaluationAnswers(satisfaction: satisfaction, knowledge: knowledge,
                                                confidenceBefore: form["confidence_before"].flatMap(Int.init),
                                                confidenceAfter: form["confidence_after"].flatMap(Int.init),
                                                bestPart: form["best_part"], practiceChange: form["practice_change"], improve: form["improve"])
            try database.submitEvaluation(token: token, answers: answers)
        } catch let error as InvitationError {
            return refused(error, context, status: .gone)
        } catch {
            guard let problems = fieldErrors(error, field: (error as? InputError)?.location.field ?? "best_part") else { throw error }
            return try self.form("evaluation", token, context, errors: problems, values: values)
        }
        return site.pages.render("thanks", title: "Thank you", context: context)
    }

    func submitFollowUp(_ token: String, _ context: WebContext) throws -> Response {
        let form = context.form
        let values = form.fields.compactMapValues(\.first)
        guard let used = form["used"].flatMap({ UsedInPractice(rawValue: $0) }) else {
            return try self.form("follow-up", token, context, errors: [FieldError(field: "used-yes", message: "Choose whether you have used what you learned")],
                                 values: values)
        }
        do {
            let answers = try FollowUpAnswers(used: used, example: form["example"], difference: form["difference"].flatMap(Int.init),
                                              barriers: form["barriers"])
            try database.submitFollowUp(token: token, answers: answers)
        } catch let error as InvitationError {
            return refused(error, context, status: .gone)
        } catch {
            guard let problems = fieldErrors(error, field: (error as? InputError)?.location.field ?? "example") else { throw error }
            return try self.form("follow-up", token, context, errors: problems, values: values)
        }
        return site.pages.render("thanks", title: "Thank you", context: context)
    }
}

extension String {
    /// The text with its first letter in capitals.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension Templates {
    static let learner: [String: String] = [
        "evaluation": """
            {{<layout}}{{$content}}
            <p>The session on {{date}}. Your answers help the partnership improve its training; the board sees them without your name.</p>
            <form method="post" action="/evaluate/{{token}}" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#fieldErrors.satisfaction-1}} form-group-error{{/fieldErrors.satisfaction-1}}">
            <fieldset{{#fieldErrors.satisfaction-1}} aria-describedby="satisfaction-error"{{/fieldErrors.satisfaction-1}}><legend>How satisfied were you with the training?</legend>
            <p class="hint">1 is not at all, 5 is very satisfied.</p>
            {{#fieldErrors.satisfaction-1}}<p class="error-message" id="satisfaction-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.satisfaction-1}}
            {{#satisfaction}}<div class="radio"><input type="radio" id="satisfaction-{{value}}" name="satisfaction" value="{{value}}"{{#checked}} checked{{/checked}}><label for="satisfaction-{{value}}">{{value}}</label></div>{{/satisfaction}}
            </fieldset></div>
            <div class="form-group{{#fieldErrors.knowledge-a-lot}} form-group-error{{/fieldErrors.knowledge-a-lot}}">
            <fieldset{{#fieldErrors.knowledge-a-lot}} aria-describedby="knowledge-error"{{/fieldErrors.knowledge-a-lot}}><legend>How much did your knowledge improve?</legend>
            {{#fieldErrors.knowledge-a-lot}}<p class="error-message" id="knowledge-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.knowledge-a-lot}}
            {{#knowledge}}<div class="radio"><input type="radio" id="knowledge-{{value}}" name="knowledge" value="{{value}}"{{#checked}} checked{{/checked}}><label for="knowledge-{{value}}">{{label}}</label></div>{{/knowledge}}
            </fieldset></div>
            <div class="form-group"><fieldset><legend>How confident did you feel before the training? (optional)</legend>
            <p class="hint">1 is not at all, 10 is completely.</p>
            {{#before}}<div class="radio"><input type="radio" id="before-{{value}}" name="confidence_before" value="{{value}}"{{#checked}} checked{{/checked}}><label for="before-{{value}}">{{value}}</label></div>{{/before}}
            </fieldset></div>
            <div class="form-group"><fieldset><legend>And after it? (optional)</legend>
            {{#after}}<div class="radio"><input type="radio" id="after-{{value}}" name="confidence_after" value="{{value}}"{{#checked}} checked{{/checked}}><label for="after-{{value}}">{{value}}</label></div>{{/after}}
            </fieldset></div>
            <div class="form-group{{#fieldErrors.best_part}} form-group-error{{/fieldErrors.best_part}}"><label for="best_part">What was the best part? (optional)</label>
            {{#fieldErrors.best_part}}<p class="error-message" id="best_part-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.best_part}}
            <textarea id="best_part" name="best_part" rows="4" maxlength="4000">{{values.best_part}}</textarea></div>
            <div class="form-group"><label for="practice_change">What will you do differently in your practice? (optional)</label>
            <textarea id="practice_change" name="practice_change" rows="4" maxlength="4000">{{values.practice_change}}</textarea></div>
            <div class="form-group"><label for="improve">How could the training be better? (optional)</label>
            <textarea id="improve" name="improve" rows="4" maxlength="4000">{{values.improve}}</textarea></div>
            <button type="submit" class="button">Send</button>
            </form>
            {{/content}}{{/layout}}
            """,
        "follow-up": """
            {{<layout}}{{$content}}
            <p>Some months ago you attended the session on {{date}}. Tell us what has changed.</p>
            <form method="post" action="/follow-up/{{token}}" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#fieldErrors.used-yes}} form-group-error{{/fieldErrors.used-yes}}">
            <fieldset{{#fieldErrors.used-yes}} aria-describedby="used-error"{{/fieldErrors.used-yes}}><legend>Have you used what you learned in your practice?</legend>
            {{#fieldErrors.used-yes}}<p class="error-message" id="used-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.used-yes}}
            {{#used}}<div class="radio"><input type="radio" id="used-{{value}}" name="used" value="{{value}}"{{#checked}} checked{{/checked}}><label for="used-{{value}}">{{label}}</label></div>{{/used}}
            </fieldset></div>
            <div class="form-group"><label for="example">An example (optional)</label>
            <textarea id="example" name="example" rows="4" maxlength="4000">{{values.example}}</textarea></div>
            <div class="form-group"><fieldset><legend>How much difference has it made for children and families? (optional)</legend>
            <p class="hint">1 is none, 5 is a great deal.</p>
            {{#difference}}<div class="radio"><input type="radio" id="difference-{{value}}" name="difference" value="{{value}}"{{#checked}} checked{{/checked}}><label for="difference-{{value}}">{{value}}</label></div>{{/difference}}
            </fieldset></div>
            <div class="form-group"><label for="barriers">What has got in the way? (optional)</label>
            <textarea id="barriers" name="barriers" rows="4" maxlength="4000">{{values.barriers}}</textarea></div>
            <button type="submit" class="button">Send</button>
            </form>
            {{/content}}{{/layout}}
            """,
        "thanks": """
            {{<layout}}{{$content}}
            <p>Your answers are recorded. You can close this page.</p>
            {{/content}}{{/layout}}
            """,
    ]
}
