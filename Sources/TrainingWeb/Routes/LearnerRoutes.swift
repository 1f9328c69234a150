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
        if satisfaction == nil { errors.append(FieldError(field: "satisfaction", message: "Choose how satisfied you were, from 1 to 5")) }
        let knowledge = form["knowledge"].flatMap { KnowledgeGain(rawValue: $0) }
        if knowledge == nil { errors.append(FieldError(field: "knowledge", message: "Choose how much your knowledge improved")) }
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
            return try self.form("follow-up", token, context, errors: [FieldError(field: "used", message: "Choose whether you have used what you learned")],
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
            <div class="form-group{{#fieldErrors.satisfaction}} form-group-error{{/fieldErrors.satisfaction}}">
            <fieldset{{#fieldErrors.satisfaction}} aria-describedby="satisfaction-error"{{/fieldErrors.satisfaction}}><legend>How satisfied were you with the training?</legend>
            <p class="hint">1 is not at all, 5 is very satisfied.</p>
            {{#fieldErrors.satisfaction}}<p class="error-message" id="satisfaction-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.satisfaction}}
            {{#satisfaction}}<div class="radio"><input type="radio" id="satisfaction-{{value}}" name="satisfaction" value="{{value}}"{{#checked}} checked{{/checked}}><label for="satisfaction-{{value}}">{{value}}</label></div>{{/satisfaction}}
            </fieldset></div>
            <div class="form-group{{#fieldErrors.knowledge}} form-group-error{{/fieldErrors.knowledge}}">
            <fieldset{{#fieldErrors.knowledge}} aria-describedby="knowledge-error"{{/fieldErrors.knowledge}}><legend>How much did your knowledge improve?</legend>
            {{#fieldErrors.knowledge}}<p class="error-message" id="knowledge-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.knowledge}}
            {{#knowledge}}<div class="radio"><input type="radio" id="knowledge-{{value}}" name="knowledge" value="{{value}}"{{#checked}} checked{{/checked}}><label for="knowledge-{{value}}">{{label}}</label></div>{{/knowledge}}
            </fieldset></div>
            <div class="form-group{{#fieldErrors.confidence_before}} form-group-error{{/fieldErrors.confidence_before}}"><fieldset{{#fieldErrors.confidence_before}} aria-describedby="confidence_before-error"{{/fieldErrors.confidence_before}}><legend>How confident did you feel before the training? (optional)</legend>
            <p class="hint">1 is not at all, 10 is completely.</p>
            {{#fieldErrors.confidence_before}}<p class="error-message" id="confidence_before-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.confidence_before}}
            {{#before}}<div class="radio"><input type="radio" id="before-{{value}}" name="confidence_before" value="{{value}}"{{#checked}} checked{{/checked}}><label for="before-{{value}}">{{value}}</label></div>{{/before}}
            </fieldset></div>
            <div class="form-group{{#fieldErrors.confidence_after}} form-group-error{{/fieldErrors.confidence_after}}"><fieldset{{#fieldErrors.confidence_after}} aria-describedby="confidence_after-error"{{/fieldErrors.confidence_after}}><legend>And after it? (optional)</legend>
            {{#fieldErrors.confidence_after}}<p class="error-message" id="confidence_after-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.confidence_after}}
            {{#after}}<div class="radio"><input type="radio" id="after-{{value}}" name="confidence_after" value="{{value}}"{{#checked}} checked{{/checked}}><label for="after-{{value}}">{{value}}</label></div>{{/after}}
            </fieldset></div>
            <div class="form-group{{#fieldErrors.best_part}} form-group-error{{/fieldErrors.best_part}}"><label for="best_part">What was the best part? (optional)</label>
            {{#fieldErrors.best_part}}<p class="error-message" id="best_part-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.best_part}}
            <textarea id="best_part" name="best_part" rows="4" maxlength="4000"{{#fieldErrors.best_part}} class="input-error" aria-describedby="best_part-error"{{/fieldErrors.best_part}}>{{values.best_part}}</textarea></div>
            <div class="form-group{{#fieldErrors.practice_change}} form-group-error{{/fieldErrors.practice_change}}"><label for="practice_change">What will you do differently in your practice? (optional)</label>
            {{#fieldErrors.practice_change}}<p class="error-message" id="practice_change-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.practice_change}}
            <textarea id="practice_change" name="practice_change" rows="4" maxlength="4000"{{#fieldErrors.practice_change}} class="input-error" aria-describedby="practice_change-error"{{/fieldErrors.practice_change}}>{{values.practice_change}}</textarea></div>
            <div class="form-group{{#fieldErrors.improve}} form-group-error{{/fieldErrors.improve}}"><label for="improve">How could the training be better? (optional)</label>
            {{#fieldErrors.improve}}<p class="error-message" id="improve-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.improve}}
            <textarea id="improve" name="improve" rows="4" maxlength="4000"{{#fieldErrors.improve}} class="input-error" aria-describedby="improve-error"{{/fieldErrors.improve}}>{{values.improve}}</textarea></div>
            <button type="submit" class="button">Send</button>
            </form>
            {{/content}}{{/layout}}
            """,
        "follow-up": """
            {{<layout}}{{$content}}
            <p>Some months ago you attended the session on {{date}}. Tell us what has changed.</p>
            <form method="post" action="/follow-up/{{token}}" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#fieldErrors.used}} form-group-error{{/fieldErrors.used}}">
            <fieldset{{#fieldErrors.used}} aria-describedby="used-error"{{/fieldErrors.used}}><legend>Have you used what you learned in your practice?</legend>
            {{#fieldErrors.used}}<p class="error-message" id="used-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.used}}
            {{#used}}<div class="radio"><input type="radio" id="used-{{value}}" name="used" value="{{value}}"{{#checked}} checked{{/checked}}><label for="used-{{value}}">{{label}}</label></div>{{/used}}
            </fieldset></div>
            <div class="form-group{{#fieldErrors.example}} form-group-error{{/fieldErrors.example}}"><label for="example">An example (optional)</label>
            {{#fieldErrors.example}}<p class="error-message" id="example-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.example}}
            <textarea id="example" name="example" rows="4" maxlength="4000"{{#fieldErrors.example}} class="input-error" aria-describedby="example-error"{{/fieldErrors.example}}>{{values.example}}</textarea></div>
            <div class="form-group{{#fieldErrors.difference}} form-group-error{{/fieldErrors.difference}}"><fieldset{{#fieldErrors.difference}} aria-describedby="difference-error"{{/fieldErrors.difference}}><legend>How much difference has it made for children and families? (optional)</legend>
            <p class="hint">1 is none, 5 is a great deal.</p>
            {{#fieldErrors.difference}}<p class="error-message" id="difference-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.difference}}
            {{#difference}}<div class="radio"><input type="radio" id="difference-{{value}}" name="difference" value="{{value}}"{{#checked}} checked{{/checked}}><label for="difference-{{value}}">{{value}}</label></div>{{/difference}}
            </fieldset></div>
            <div class="form-group{{#fieldErrors.barriers}} form-group-error{{/fieldErrors.barriers}}"><label for="barriers">What has got in the way? (optional)</label>
            {{#fieldErrors.barriers}}<p class="error-message" id="barriers-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.barriers}}
            <textarea id="barriers" name="barriers" rows="4" maxlength="4000"{{#fieldErrors.barriers}} class="input-error" aria-describedby="barriers-error"{{/fieldErrors.barriers}}>{{values.barriers}}</textarea></div>
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
