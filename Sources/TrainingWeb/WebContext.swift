import Foundation
import Hummingbird
import HummingbirdAuth
import NIOCore
import TrainingCore
import TrainingStore

/// What the session cookie stands for: who is signed in (nobody yet on the sign-in page), the token every
/// state-changing form must carry, and when the person was last seen (for the idle time-out).
struct WebSession: Codable, Sendable {
    var userId: Int64?
    var csrfToken: String
    var lastSeen: Date
    /// A message to show once on the next page (what a form just did).
    var flash: String?
    /// When the person signed in (nil in sessions stored before this was kept).
    var signedInAt: Date?

    /// A new session for a person who has just signed in. Only signing in makes one: visitors who have not
    /// signed in have no session (their forms carry `AnonymousFormTokens` instead).
    static func signedIn(userId: Int64, at instant: Date) -> WebSession {
        WebSession(userId: userId, csrfToken: SecretToken.make(), lastSeen: instant, flash: nil, signedInAt: instant)
    }

    /// When the stored session should be removed: `idleTimeout` after it was last seen, and never later
    /// than `lifetime` after signing in.
    func expiry(idleTimeout: TimeInterval, lifetime: TimeInterval) -> Date {
        min(lastSeen.addingTimeInterval(idleTimeout), (signedInAt ?? lastSeen).addingTimeInterval(lifetime))
    }
}


/// The signed-in person a request is made by, read from the database on every request (so a user made
/// inactive is signed out at once).
struct SignedInUser: Sendable {
    var id: Int64
    var email: String
    var name: String
    var role: UserRole
    /// A booker's agency; nil for the officer and the board.
    var agencyId: Int64?
    var agencyName: String?
    /// For a booker whose agency takes requests for places, or has some waiting: how many wait for a
    /// decision (the count beside "Requests"); nil shows no "Requests" link.
    var waitingRequests: Int? = nil
}

/// The request context of the web application: the session and the signed-in user.
struct WebContext: RequestContext, SessionRequestContext, RemoteAddressRequestContext {
    var coreContext: CoreRequestContextStorage
    let sessions: SessionContext<WebSession>
    /// The address the request came from (nil in the router tests, which have no network).
    let remoteAddress: SocketAddress?
    /// The signed-in person, once `SignedInMiddleware` has let the request through.
    var user: SignedInUser?
    /// The person the session names, read by `LayoutMiddleware`; `SignedInMiddleware` makes them `user` once
    /// the session has passed its checks.
    var sessionUser: SignedInUser?
    /// The partnership's name for the layout, read by `LayoutMiddleware` (nil before it, or on an error page
    /// rendered outside it: the usual name is shown).
    var partnership: String?
    /// The CSRF token of this request's session, for the forms a page renders.
    var csrfToken: String?
    /// A POST's form, read and checked by `FormMiddleware`.
    var form = FormData()

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        sessions = .init()
        remoteAddress = source.channel.remoteAddress
    }

    /// Uploads (a licence usage CSV) are limited to 5 MB.
    var maxUploadSize: Int { 5 * 1024 * 1024 }

    /// The signed-in user; only reached behind `SignedInMiddleware`.
    func requireUser() throws -> SignedInUser {
        guard let user else { throw HTTPError(.unauthorized) }
        return user
    }

    /// The audit log's name for who did something on the web.
    var actor: String { user.map { "web:\($0.email)" } ?? "web" }
}
