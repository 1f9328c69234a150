extension Templates {
    static let officer: [String: String] = [
        "officer-sessions": """
            {{<layout}}{{$content}}
            <p><a href="/officer/sessions/new" class="button">Schedule a session</a></p>
            <p><a href="/officer/sessions?year={{previous}}">Sessions in {{previous}}</a> · <a href="/officer/sessions?year={{next}}">Sessions in {{next}}</a></p>
            {{#none}}<p>No sessions in {{year}}.</p>{{/none}}
            {{^none}}
            <table><caption class="visually-hidden">Sessions in {{year}}</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Course</th><th scope="col">Level</th><th scope="col">Status</th><th scope="col" class="number">Booked</th><th scope="col" class="number">Waiting</th></tr></thead>
            <tbody>{{#sessions}}<tr><td><a href="/officer/sessions/{{id}}">{{when}}</a></td><td>{{course}}</td><td>{{level}}</td><td>{{status}}</td><td class="number">{{booked}} of {{capacity}}</td><td class="number">{{waiting}}</td></tr>{{/sessions}}</tbody></table>
            {{/none}}
            {{/content}}{{/layout}}
            """,
        "officer-new-session": """
            {{<layout}}{{$content}}
            <form method="post" action="/officer/sessions" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#fieldErrors.course}} form-group-error{{/fieldErrors.course}}">
            <label for="course">Course</label>
            {{#fieldErrors.course}}<p class="error-message" id="course-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.course}}
            <select id="course" name="course"{{#fieldErrors.course}} aria-describedby="course-error"{{/fieldErrors.course}}><option value="">Choose a course</option>{{#courses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/courses}}</select>
            </div>
            <div class="form-group{{#fieldErrors.start}} form-group-error{{/fieldErrors.start}}">
            <label for="start">Starts</label>
            <p class="hint" id="start-hint">London time, for example 2026-03-17 09:30</p>
            {{#fieldErrors.start}}<p class="error-message" id="start-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.start}}
            <input type="text" id="start" name="start" value="{{values.start}}" aria-describedby="start-hint{{#fieldErrors.start}} start-error{{/fieldErrors.start}}">
            </div>
            <div class="form-group{{#fieldErrors.end}} form-group-error{{/fieldErrors.end}}">
            <label for="end">Ends</label>
            <p class="hint" id="end-hint">London time, for example 2026-03-17 12:30</p>
            {{#fieldErrors.end}}<p class="error-message" id="end-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.end}}
            <input type="text" id="end" name="end" value="{{values.end}}" aria-describedby="end-hint{{#fieldErrors.end}} end-error{{/fieldErrors.end}}">
            </div>
            <div class="form-group">
            <label for="venue">Venue (optional)</label>
            <input type="text" id="venue" name="venue" value="{{values.venue}}">
            </div>
            <div class="form-group{{#fieldErrors.capacity}} form-group-error{{/fieldErrors.capacity}}">
            <label for="capacity">Places (optional)</label>
            <p class="hint" id="capacity-hint">Leave empty for the course's usual number.</p>
            {{#fieldErrors.capacity}}<p class="error-message" id="capacity-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.capacity}}
            <input type="text" inputmode="numeric" id="capacity" name="capacity" value="{{values.capacity}}" aria-describedby="capacity-hint{{#fieldErrors.capacity}} capacity-error{{/fieldErrors.capacity}}">
            </div>
            <button type="submit" class="button">Schedule</button>
            </form>
            {{/content}}{{/layout}}
            """,
        "officer-session": """
            {{<layout}}{{$content}}
            <dl><dt>When</dt><dd>{{when}}</dd><dt>Where</dt><dd>{{venue}}</dd><dt>Status</dt><dd><strong class="tag">{{status}}</strong></dd><dt>Places</dt><dd>{{booked}} of {{capacity}} booked</dd></dl>
            <h2 id="register">Register</h2>
            {{#fieldErrors.register}}<p class="error-message" id="register-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.register}}
            {{#hasPlaces}}
            {{#registerOpen}}<form method="post" action="/officer/sessions/{{id}}/register" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">{{/registerOpen}}
            <table><caption class="visually-hidden">Places</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Agency</th><th scope="col">Status</th>{{#registerOpen}}<th scope="col">Attendance</th>{{/registerOpen}}</tr></thead>
            <tbody>{{#places}}<tr><td>{{name}}</td><td>{{agency}}</td><td>{{status}}</td>
            {{#registerOpen}}<td><fieldset{{#fieldErrors.register}} aria-describedby="register-error"{{/fieldErrors.register}}><legend class="visually-hidden">Attendance of {{name}}</legend>
            <div class="radio"><input type="radio" id="present-{{id}}" name="attendance-{{id}}" value="present"{{#present}} checked{{/present}}><label for="present-{{id}}">Present</label></div>
            <div class="radio"><input type="radio" id="absent-{{id}}" name="attendance-{{id}}" value="absent"{{#absent}} checked{{/absent}}><label for="absent-{{id}}">Absent</label></div>
            </fieldset></td>{{/registerOpen}}</tr>{{/places}}</tbody></table>
            {{#registerOpen}}<button type="submit" class="button">Save the register</button></form>{{/registerOpen}}
            {{^started}}<p>The register opens when the session starts.</p>{{/started}}
            {{/hasPlaces}}
            {{^hasPlaces}}<p>Nobody holds a place.</p>{{/hasPlaces}}
            {{#registerOpen}}{{#scheduled}}
            <form method="post" action="/officer/sessions/{{id}}/deliver"><input type="hidden" name="csrf" value="{{csrf}}">
            <button type="submit" class="button secondary">Mark the session delivered</button></form>
            {{/scheduled}}{{/registerOpen}}
            <h2>Waiting list</h2>
            {{#hasWaiting}}<table><caption class="visually-hidden">Waiting list</caption>
            <thead><tr><th scope="col" class="number">Position</th><th scope="col">Name</th><th scope="col">Agency</th></tr></thead>
            <tbody>{{#waiting}}<tr><td class="number">{{position}}</td><td>{{name}}</td><td>{{agency}}</td></tr>{{/waiting}}</tbody></table>{{/hasWaiting}}
            {{^hasWaiting}}<p>Nobody is waiting.</p>{{/hasWaiting}}
            {{#hasClosed}}<h3>Waiting list closed</h3><p>No place came up for these learners; their bookers were told.</p>
            <table><caption class="visually-hidden">Waiting list closed</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Agency</th></tr></thead>
            <tbody>{{#closed}}<tr><td>{{name}}</td><td>{{agency}}</td></tr>{{/closed}}</tbody></table>{{/hasClosed}}
            {{#scheduled}}{{^started}}
            <h2>Cancel the session</h2>
            <form method="post" action="/officer/sessions/{{id}}/cancel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#fieldErrors.reason}} form-group-error{{/fieldErrors.reason}}">
            <label for="reason">Why</label>
            {{#fieldErrors.reason}}<p class="error-message" id="reason-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.reason}}
            <select id="reason" name="reason"{{#fieldErrors.reason}} class="input-error" aria-describedby="reason-error"{{/fieldErrors.reason}}><option value="">Choose a reason</option>{{#reasons}}<option value="{{value}}">{{value}}</option>{{/reasons}}</select>
            </div>
            <div class="form-group"><label for="note">Note (optional)</label><input type="text" id="note" name="note"></div>
            <button type="submit" class="button warning">Cancel the session</button>
            </form>
            {{/started}}{{/scheduled}}
            {{/content}}{{/layout}}
            """,
        "officer-reports": """
            {{<layout}}{{$content}}
            <h2>The board's workbook</h2>
            <ul>{{#years}}<li><a href="/officer/reports/board?year={{value}}">Board workbook {{value}}</a></li>{{/years}}</ul>
            <h2>Quarterly returns</h2>
            <ul>{{#quarters}}<li><a href="/officer/reports/quarter?quarter={{value}}">Quarterly return {{value}}</a></li>{{/quarters}}</ul>
            <h2>Every booking of a year</h2>
            <ul>{{#years}}<li><a href="/officer/reports/bookings?year={{value}}">Bookings {{value}}</a></li>{{/years}}</ul>
            <h2>One agency's workbook</h2>
            <form method="get" action="/officer/reports/agency">
            <div class="form-group"><label for="agency">Agency</label><select id="agency" name="agency">{{#agencies}}<option value="{{value}}">{{value}}</option>{{/agencies}}</select></div>
            <div class="form-group"><label for="year">Year</label><select id="year" name="year">{{#years}}<option value="{{value}}">{{value}}</option>{{/years}}</select></div>
            <button type="submit" class="button secondary">Download</button>
            </form>
            {{/content}}{{/layout}}
            """,
        "officer-people": """
            {{<layout}}{{$content}}
            <h2>Subject access request</h2>
            <form method="post" action="/officer/people/subject-access" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#fieldErrors.sar-email}} form-group-error{{/fieldErrors.sar-email}}">
            <label for="sar-email">Email of the person asking</label>
            {{#fieldErrors.sar-email}}<p class="error-message" id="sar-email-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.sar-email}}
            <input type="email" id="sar-email" name="email" value="{{values.sarEmail}}" spellcheck="false"{{#fieldErrors.sar-email}} class="input-error" aria-describedby="sar-email-error"{{/fieldErrors.sar-email}}>
            </div>
            <fieldset><legend>Format</legend>
            <div class="radio"><input type="radio" id="format-xlsx" name="format" value="xlsx" checked><label for="format-xlsx">Workbook (.xlsx)</label></div>
            <div class="radio"><input type="radio" id="format-json" name="format" value="json"><label for="format-json">JSON</label></div>
            </fieldset>
            <button type="submit" class="button secondary">Download everything held about them</button>
            </form>
            <h2>Erasure</h2>
            <p>The person becomes an anonymised learner at once: their bookings and scores stay, their name, email and what they wrote are removed. This cannot be undone.</p>
            <form method="post" action="/officer/people/erase" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#fieldErrors.erase-email}} form-group-error{{/fieldErrors.erase-email}}">
            <label for="erase-email">Email of the person to erase</label>
            {{#fieldErrors.erase-email}}<p class="error-message" id="erase-email-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.erase-email}}
            <input type="email" id="erase-email" name="email" value="{{values.eraseEmail}}" spellcheck="false"{{#fieldErrors.erase-email}} class="input-error" aria-describedby="erase-email-error"{{/fieldErrors.erase-email}}>
            </div>
            <div class="form-group{{#fieldErrors.erase-reason}} form-group-error{{/fieldErrors.erase-reason}}">
            <label for="erase-reason">Reason</label>
            <p class="hint" id="erase-reason-hint">The request's reference. It is kept in the audit log; their details are not.</p>
            {{#fieldErrors.erase-reason}}<p class="error-message" id="erase-reason-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.erase-reason}}
            <input type="text" id="erase-reason" name="reason" value="{{values.eraseReason}}" aria-describedby="erase-reason-hint{{#fieldErrors.erase-reason}} erase-reason-error{{/fieldErrors.erase-reason}}"{{#fieldErrors.erase-reason}} class="input-error"{{/fieldErrors.erase-reason}}>
            </div>
            <div class="form-group{{#fieldErrors.erase-confirm}} form-group-error{{/fieldErrors.erase-confirm}}">
            {{#fieldErrors.erase-confirm}}<p class="error-message" id="erase-confirm-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.erase-confirm}}
            <div class="checkbox"><input type="checkbox" id="erase-confirm" name="confirm" value="yes"{{#fieldErrors.erase-confirm}} aria-describedby="erase-confirm-error"{{/fieldErrors.erase-confirm}}><label for="erase-confirm">The request is valid and I understand this cannot be undone</label></div>
            </div>
            <button type="submit" class="button warning">Erase</button>
            </form>
            {{/content}}{{/layout}}
            """,
        "officer-audit": """
            {{<layout}}{{$content}}
            <p>The latest 200 changes, newest first.</p>
            <table><caption class="visually-hidden">Audit log</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Record</th><th scope="col">Before</th><th scope="col">After</th></tr></thead>
            <tbody>{{#entries}}<tr><td>{{when}}</td><td>{{who}}</td><td>{{what}}</td><td>{{record}}</td><td><code>{{before}}</code></td><td><code>{{after}}</code></td></tr>{{/entries}}</tbody></table>
            {{/content}}{{/layout}}
            """,
    ]
}
