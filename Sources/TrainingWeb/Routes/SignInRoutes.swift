import Foundation
import Hummingbird
import HummingbirdAuth
import TrainingCore
import TrainingStore

/// Signing in and out. A new session (with a new cookie value) is made at every sign-in, so a session
/// fixed before signing in is worth nothing after it; five failed attempts in a row lock the account for
/// 15 minutes; a wrong email takes as long to refuse as a wrong password.
struct SignInRoutes {
    let site: Site

    func add(to router: Router<WebContext>) {
        router.get("/login") { request, context in
            if context.sessions.session == nil { context.sessions.createSession(.fresh(at: site.configuration.clock())) }
            var message: String?
            if request.query.fields["expired"] != nil { message = "You were signed out after 30 minutes without activity." }
            if request.query.fields["signedout"] != nil { message = "You have signed out." }
            return site.pages.render("sign-in", title: "Sign in", ["notice": message as Any, "values": [String: String]()], context: context)
        }

        router.post("/login") { request, context in
            let form = context.form
            let email = form["email"] ?? ""
            let password = context.form.fields["password"]?.first ?? ""
            var errors: [FieldError] = []
            if email.isEmpty { errors.append(FieldError(field: "email", message: "Enter your email address")) }
            if password.isEmpty { errors.append(FieldError(field: "password", message: "Enter your password")) }
            if errors.isEmpty {
                let user = try site.database.user(email: email)
                let matches = try await Passwords.verify(password, against: user?.passwordHash ?? Passwords.decoy)
                if let user, user.isActive, !site.database.isLockedOut(user), matches {
                    try site.database.recordSignIn(userId: user.id!, succeeded: true)
                    if let old = request.cookies["training_session"]?.value { try site.database.removeWebSession(key: "hbs.\(old)") }
                    context.sessions.clearSession()
                    context.sessions.createSession(.fresh(userId: user.id!, at: site.configuration.clock()))
                    return seeOther("/")
                }
                if let user, !site.database.isLockedOut(user) { try site.database.recordSignIn(userId: user.id!, succeeded: false) }
                errors.append(FieldError(field: "email", message: "The email address or password is not right, or the account is locked for 15 minutes after 5 failed attempts"))
            }
            return site.pages.render("sign-in", title: "Sign in", ["values": ["email": email]], context: context, errors: errors)
        }

        router.post("/logout") { request, context in
            context.sessions.clearSession()
            return seeOther("/login?signedout=1")
        }
    }
}

extension Templates {
    static let signIn = ["sign-in": """
        {{<layout}}{{$content}}
        {{#notice}}<div class="notice" role="status"><p>{{notice}}</p></div>{{/notice}}
        <form method="post" action="/login" novalidate>
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div class="form-group{{#fieldErrors.email}} form-group-error{{/fieldErrors.email}}">
        <label for="email">Email address</label>
        {{#fieldErrors.email}}<p class="error-message" id="email-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.email}}
        <input type="email" id="email" name="email" value="{{values.email}}" autocomplete="username" spellcheck="false"{{#fieldErrors.email}} class="input-error" aria-describedby="email-error"{{/fieldErrors.email}}>
        </div>
        <div class="form-group{{#fieldErrors.password}} form-group-error{{/fieldErrors.password}}">
        <label for="password">Password</label>
        {{#fieldErrors.password}}<p class="error-message" id="password-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.password}}
        <input type="password" id="password" name="password" autocomplete="current-password"{{#fieldErrors.password}} class="input-error" aria-describedby="password-error"{{/fieldErrors.password}}>
        </div>
        <button type="submit" class="button">Sign in</button>
        </form>
        <p>Learners answering an evaluation do not sign in: use the link in your email.</p>
        {{/content}}{{/layout}}
        """]
}
