import Foundation
import Hummingbird
import TrainingCore
import TrainingStore

/// "Send me my link", on the sign-in page (issue 22): a learner types their email address and, when it is
/// a learner's, is emailed a fresh link to their own page. The answer is the same page whether or not the
/// address is known, reached through the same write either way, so it tells nobody which addresses are
/// learners'; requests are slowed per address and per client (`LinkRequestDefences`).
struct LinkRequestRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.post("/my-link", use: send)
    }

    func send(_ request: Request, context: WebContext) async throws -> Response {
        let email = context.form["linkEmail"] ?? ""
        guard let address = try? EmailAddress(email) else {
            let message = email.isEmpty ? "Enter your work email address" : "Enter an email address like name@agency.org.uk"
            return signInPage(email: email, errors: [FieldError(field: "linkEmail", message: message)], context)
        }
        let instant = site.configuration.clock()
        let client = ClientAddress.key(remote: context.remoteAddress, forwardedFor: request.headers[ClientAddress.forwardedFor],
                                       trustProxy: site.configuration.trustProxy)
        let key = address.text.lowercased()
        if let seconds = site.linkRequests.wait(address: key, client: client, at: instant) {
            let minutes = (seconds + 59) / 60
            var response = signInPage(email: email, errors: [FieldError(
                field: "linkEmail",
                message: "You have asked for a link several times. Try again in \(minutes) \(minutes == 1 ? "minute" : "minutes")")], context)
            response.status = .tooManyRequests
            response.headers[.retryAfter] = String(seconds)
            return response
        }
        site.linkRequests.count(address: key, client: client, at: instant)
        try await site.database.writing { try $0.sendLearnerLink(to: address.text) }
        return site.pages.render("link-sent", title: "Check your email", LinkSentPage(validDays: LearnerLinkRules.validDays), context: context)
    }

    func signInPage(email: String, errors: [FieldError], _ context: WebContext) -> Response {
        site.pages.render("sign-in", title: "Sign in", SignInPage(values: ["linkEmail": email]), context: context, errors: errors)
    }
}

/// The answer to "send me my link", the same whoever asked.
struct LinkSentPage: Encodable, Sendable {
    var validDays: Int
}
