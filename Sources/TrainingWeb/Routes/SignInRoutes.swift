import Foundation
import Hummingbird
import HummingbirdAuth
import TrainingCore
import TrainingStore

/// Signing in and out. A session is stored only when someone signs in (with a new cookie value, so a
/// session fixed beforehand is worth nothing); the sign-in form itself is protected by the anonymous form
/// token. Failed attempts are throttled, never locked: each failure makes the next attempt from the same
/// client wait longer (`SignInThrottle`), and an account's failures hold up only clients that have been
/// failing too, so the right password from anywhere else still works. A refused attempt is answered at
/// once with "try again in N seconds" (429, `Retry-After`) rather than held open, so waiting costs the
/// server nothing and an attacker gains nothing by sending many at once. Password checks pass through
/// `PasswordCheckGate`, so a flood of attempts cannot slow a real sign-in beyond a short queue. A wrong
/// email takes as long to refuse as a wrong password. The account is read before the password is checked
/// and its outcome written after, never holding the store while bcrypt runs.
struct SignInRoutes {
    let site: Site
    var defences: SignInDefences { site.signIns }

    func add(to router: Router<WebContext>) {
        router.get("/login", use: signInPage)
        router.post("/login", use: signIn)
        router.post("/logout", use: signOut)
    }

    /// The sign-in form, with why the person was signed out when they were.
    func signInPage(_ request: Request, context: WebContext) -> Response {
        var message: String?
        if request.query.fields["expired"] != nil { message = "You were signed out after 30 minutes without activity." }
        if request.query.fields["signedout"] != nil { message = "You have signed out." }
        return site.pages.render("sign-in", title: "Sign in", SignInPage(notice: message), context: context)
    }

    func signOut(_ request: Request, context: WebContext) -> Response {
        context.sessions.clearSession()
        return seeOther("/login?signedout=1")
    }

    func signIn(_ request: Request, context: WebContext) async throws -> Response {
        let email = context.form["email"] ?? ""
        let password = context.form.fields["password"]?.first ?? ""
        var errors: [FieldError] = []
        if email.isEmpty { errors.append(FieldError(field: "email", message: "Enter your email address")) }
        if password.isEmpty { errors.append(FieldError(field: "password", message: "Enter your password")) }
        if password.utf8.count > Passwords.maximumBytes {
            errors.append(FieldError(field: "password", message: "Enter a password of at most \(Passwords.maximumBytes) bytes"))
        }
        guard errors.isEmpty else { return page(email: email, errors: errors, context) }

        let instant = site.configuration.clock()
        let client = ClientAddress.key(remote: context.remoteAddress, forwardedFor: request.headers[ClientAddress.forwardedFor],
                                       trustProxy: site.configuration.trustProxy)
        let emailKey = email.lowercased()
        let user = try await site.database.reading { try $0.user(email: email) }
        let accountFailures = user.flatMap { site.database.signInFailures(of: $0) } ?? (user == nil ? defences.unknownEmails.record(emailKey, at: instant) : nil)
        if let seconds = defences.throttle.wait(account: accountFailures, client: defences.clients.record(client, at: instant), at: instant) {
            let message = "There have been too many failed attempts to sign in. Try again in \(seconds) \(seconds == 1 ? "second" : "seconds")"
            return refusal(email: email, message: message, status: .tooManyRequests, retryAfter: seconds, context)
        }
        let matches: Bool
        do {
            matches = try await defences.gate.run { try await Passwords.verify(password, against: user?.passwordHash ?? Passwords.decoy) }
        } catch is PasswordChecksBusy {
            return refusal(email: email, message: "The service is busy. Try again in a few seconds", status: .serviceUnavailable, retryAfter: 5, context)
        }
        let throttle = defences.throttle
        if let user, let userId = user.id, user.isActive, matches {
            let old = request.cookies[WebApplication.sessionCookie]?.value
            try await site.database.writing { tx in
                try tx.recordSignIn(userId: userId, succeeded: true, throttle: throttle, at: instant)
                if let old { try tx.removeWebSession(key: "hbs.\(old)") }
            }
            defences.clients.clear(client)
            context.sessions.clearSession()
            context.sessions.createSession(.signedIn(userId: userId, at: instant))
            return seeOther("/")
        }
        defences.clients.fail(client, at: instant)
        if let userId = user?.id {
            try await site.database.writing { try $0.recordSignIn(userId: userId, succeeded: false, throttle: throttle, at: instant) }
        } else {
            defences.unknownEmails.fail(emailKey, at: instant)
        }
        return page(email: email, errors: [FieldError(field: "email", message: "The email address or password is not right")], context)
    }

    func page(email: String, errors: [FieldError], _ context: WebContext) -> Response {
        site.pages.render("sign-in", title: "Sign in", SignInPage(values: ["email": email]), context: context, errors: errors)
    }

    /// The sign-in page refusing to check the password now, with when to try again.
    func refusal(email: String, message: String, status: HTTPResponse.Status, retryAfter seconds: Int, _ context: WebContext) -> Response {
        var response = page(email: email, errors: [FieldError(field: "email", message: message)], context)
        response.status = status
        response.headers[.retryAfter] = String(seconds)
        return response
    }
}
