extension Templates {
    static let booker: [String: String] = [
        "programme": """
            {{<layout}}{{$content}}
            <form method="get" action="/agency" class="filters" aria-label="Filter the programme">
            <div class="form-group"><label for="level">Level</label>
            <select id="level" name="level"><option value="">All levels</option>{{#levels}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/levels}}</select></div>
            <div class="form-group"><label for="course">Course</label>
            <select id="course" name="course"><option value="">All courses</option>{{#courses}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/courses}}</select></div>
            <div class="form-group"><label for="month">Month</label>
            <select id="month" name="month"><option value="">Any month</option>{{#months}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/months}}</select></div>
            <div class="form-group"><button type="submit" class="button secondary">Show sessions</button></div>
            </form>
            {{#none}}<p>No sessions match. Choose other filters or look again later.</p>{{/none}}
            {{^none}}
            <table>
            <caption>Sessions open for booking</caption>
            <thead><tr><th scope="col">When</th><th scope="col">Course</th><th scope="col">Level</th><th scope="col">Where</th><th scope="col" class="number">Places left</th><th scope="col"><span class="visually-hidden">Action</span></th></tr></thead>
            <tbody>
            {{#sessions}}<tr><td>{{when}}</td><td>{{course}}</td><td>{{level}}</td><td>{{venue}}</td><td class="number">{{placesLeft}}{{#full}} (waiting list){{/full}}</td>
            <td><a href="/agency/sessions/{{id}}">Book<span class="visually-hidden"> {{course}}, {{when}}</span></a></td></tr>{{/sessions}}
            </tbody>
            </table>
            {{/none}}
            {{/content}}{{/layout}}
            """,
        "booker-session": """
            {{<layout}}{{$content}}
            <dl>
            <dt>When</dt><dd>{{when}}</dd>
            <dt>Where</dt><dd>{{venue}}</dd>
            <dt>Level</dt><dd>{{level}}</dd>
            <dt>Places left</dt><dd>{{placesLeft}}</dd>
            </dl>
            {{#hasOurs}}
            <table><caption>Your agency's places on this session</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Status</th></tr></thead>
            <tbody>{{#ours}}<tr><td><a href="/agency/bookings/{{id}}">{{name}}</a></td><td>{{status}}</td></tr>{{/ours}}</tbody></table>
            {{/hasOurs}}
            {{#open}}
            <form method="post" action="/agency/sessions/{{id}}/book" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#fieldErrors.learners}} form-group-error{{/fieldErrors.learners}}">
            <fieldset id="learners"{{#fieldErrors.learners}} aria-describedby="learners-error"{{/fieldErrors.learners}}>
            <legend>Who do you want to book?</legend>
            <p class="hint">Select everyone who is going. {{#full}}The session is full: they will join the waiting list and be offered a place when one is freed.{{/full}}{{^full}}If there are more people than places, the rest join the waiting list.{{/full}}</p>
            {{#fieldErrors.learners}}<p class="error-message" id="learners-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.learners}}
            {{#staff}}<div class="checkbox"><input type="checkbox" id="learner-{{email}}" name="learner" value="{{email}}"{{#checked}} checked{{/checked}}><label for="learner-{{email}}">{{name}}{{#role}}, {{role}}{{/role}}</label></div>{{/staff}}
            {{#noStaff}}<p>Everyone on your staff list is booked. <a href="/agency/staff">Add a member of staff</a>.</p>{{/noStaff}}
            </fieldset>
            </div>
            <button type="submit" class="button">{{#full}}Join the waiting list{{/full}}{{^full}}Book places{{/full}}</button>
            </form>
            {{/open}}
            {{^open}}<p>This session is no longer open for booking.</p>{{/open}}
            <p><a href="/agency">Back to the programme</a></p>
            {{/content}}{{/layout}}
            """,
        "booker-bookings": """
            {{<layout}}{{$content}}
            <h2>Coming up</h2>
            {{#hasUpcoming}}
            <table><caption class="visually-hidden">Bookings coming up</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Course</th><th scope="col">When</th><th scope="col">Status</th></tr></thead>
            <tbody>{{#upcoming}}<tr><td><a href="/agency/bookings/{{id}}">{{name}}</a></td><td>{{course}}</td><td>{{when}}</td><td>{{status}}</td></tr>{{/upcoming}}</tbody></table>
            {{/hasUpcoming}}
            {{^hasUpcoming}}<p>No bookings coming up. <a href="/agency">Book from the programme</a>.</p>{{/hasUpcoming}}
            <h2>Past</h2>
            {{#hasPast}}
            <table><caption class="visually-hidden">Past bookings</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Course</th><th scope="col">When</th><th scope="col">Status</th></tr></thead>
            <tbody>{{#past}}<tr><td><a href="/agency/bookings/{{id}}">{{name}}</a></td><td>{{course}}</td><td>{{when}}</td><td>{{status}}</td></tr>{{/past}}</tbody></table>
            {{/hasPast}}
            {{^hasPast}}<p>No past bookings.</p>{{/hasPast}}
            {{/content}}{{/layout}}
            """,
        "booker-booking": """
            {{<layout}}{{$content}}
            <dl>
            <dt>When</dt><dd>{{when}}</dd>
            <dt>Where</dt><dd>{{venue}}</dd>
            <dt>Status</dt><dd><strong class="tag">{{status}}</strong></dd>
            </dl>
            <p><a href="/agency/bookings/{{id}}/calendar.ics">Add to calendar (.ics)</a></p>
            {{#changeable}}
            <h2>Cancel</h2>
            <p><a href="/agency/bookings/{{id}}/cancel" class="button warning">Cancel this place</a></p>
            <h2>Send someone else</h2>
            <form method="post" action="/agency/bookings/{{id}}/substitute" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#fieldErrors.learner}} form-group-error{{/fieldErrors.learner}}">
            <label for="learner">Who takes the place</label>
            <p class="hint" id="learner-hint">A substitute from your agency takes the place free of charge, up to the start of the session.</p>
            {{#fieldErrors.learner}}<p class="error-message" id="learner-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.learner}}
            <select id="learner" name="learner" aria-describedby="learner-hint{{#fieldErrors.learner}} learner-error{{/fieldErrors.learner}}"><option value="">Choose a member of staff</option>{{#staff}}<option value="{{email}}">{{name}}</option>{{/staff}}</select>
            </div>
            <button type="submit" class="button secondary">Substitute</button>
            </form>
            {{/changeable}}
            <table><caption>History</caption>
            <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Detail</th></tr></thead>
            <tbody>{{#history}}<tr><td>{{when}}</td><td>{{what}}</td><td>{{detail}}</td></tr>{{/history}}</tbody></table>
            <p><a href="/agency/bookings">Back to bookings</a></p>
            {{/content}}{{/layout}}
            """,
        "booker-cancel": """
            {{<layout}}{{$content}}
            <p>{{name}}, {{course}}, {{when}}.</p>
            {{#waiting}}<p>This is a place on the waiting list: cancelling it is free.</p>{{/waiting}}
            {{^waiting}}<p>Cancelling now gives {{notice}} working days' notice.</p>{{/waiting}}
            {{#charge}}
            {{#free}}<p>The cancellation is late, but no charge applies: {{rule}}.</p>{{/free}}
            {{^free}}<div class="warning-text" id="charge"><p>A late cancellation charge of <strong>{{amount}}</strong> will be raised on {{agency}}.</p><p>{{rule}}</p></div>{{/free}}
            {{/charge}}
            {{#noCharge}}<p id="charge">No charge applies.</p>{{/noCharge}}
            <form method="post" action="/agency/bookings/{{id}}/cancel" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#fieldErrors.reason}} form-group-error{{/fieldErrors.reason}}">
            <label for="reason">Reason (optional)</label>
            <p class="hint" id="reason-hint">Some reasons, such as sickness, are exempt from the charge under the partnership's policy.</p>
            {{#fieldErrors.reason}}<p class="error-message" id="reason-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.reason}}
            <input type="text" id="reason" name="reason" aria-describedby="reason-hint{{#fieldErrors.reason}} reason-error{{/fieldErrors.reason}}">
            </div>
            <button type="submit" class="button warning">Yes, cancel the place</button>
            <a href="/agency/bookings/{{id}}" class="button secondary">No, keep it</a>
            </form>
            {{/content}}{{/layout}}
            """,
        "booker-staff": """
            {{<layout}}{{$content}}
            {{#none}}<p>No staff yet.</p>{{/none}}
            {{^none}}
            <table><caption class="visually-hidden">Staff</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Job role</th></tr></thead>
            <tbody>{{#people}}<tr><td>{{name}}</td><td>{{email}}</td><td>{{role}}</td></tr>{{/people}}</tbody></table>
            {{/none}}
            <h2>Add a member of staff</h2>
            <form method="post" action="/agency/staff" novalidate>
            <input type="hidden" name="csrf" value="{{csrf}}">
            <div class="form-group{{#fieldErrors.name}} form-group-error{{/fieldErrors.name}}">
            <label for="name">Full name</label>
            {{#fieldErrors.name}}<p class="error-message" id="name-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.name}}
            <input type="text" id="name" name="name" value="{{values.name}}" autocomplete="off"{{#fieldErrors.name}} class="input-error" aria-describedby="name-error"{{/fieldErrors.name}}>
            </div>
            <div class="form-group{{#fieldErrors.email}} form-group-error{{/fieldErrors.email}}">
            <label for="email">Work email address</label>
            {{#fieldErrors.email}}<p class="error-message" id="email-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.email}}
            <input type="email" id="email" name="email" value="{{values.email}}" spellcheck="false" autocomplete="off"{{#fieldErrors.email}} class="input-error" aria-describedby="email-error"{{/fieldErrors.email}}>
            </div>
            <div class="form-group">
            <label for="role">Job role (optional)</label>
            <input type="text" id="role" name="role" value="{{values.role}}">
            </div>
            <button type="submit" class="button">Add</button>
            </form>
            {{/content}}{{/layout}}
            """,
        "booker-charges": """
            {{<layout}}{{$content}}
            <h2>Charges</h2>
            {{#hasCharges}}
            <p>Payable: <strong>{{payable}}</strong></p>
            <table><caption class="visually-hidden">Charges</caption>
            <thead><tr><th scope="col">Raised</th><th scope="col">Name</th><th scope="col">Course</th><th scope="col">For</th><th scope="col" class="number">Amount</th><th scope="col">State</th></tr></thead>
            <tbody>{{#charges}}<tr><td>{{raised}}</td><td>{{name}}</td><td>{{course}}</td><td>{{kind}}<br><span class="hint">{{rule}}</span></td><td class="number">{{amount}}</td><td>{{state}}</td></tr>{{/charges}}</tbody></table>
            {{/hasCharges}}
            {{^hasCharges}}<p>No charges.</p>{{/hasCharges}}
            <h2>Invoices</h2>
            {{#hasInvoices}}
            <table><caption class="visually-hidden">Invoices</caption>
            <thead><tr><th scope="col">Invoice</th><th scope="col">Quarter</th><th scope="col" class="number">Total</th></tr></thead>
            <tbody>{{#invoices}}<tr><td><a href="/agency/invoices/{{number}}">{{number}}</a></td><td>{{period}}</td><td class="number">{{total}}</td></tr>{{/invoices}}</tbody></table>
            {{/hasInvoices}}
            {{^hasInvoices}}<p>No invoices.</p>{{/hasInvoices}}
            {{#hasCredits}}
            <h2>Credit notes</h2>
            <table><caption class="visually-hidden">Credit notes, newest first</caption>
            <thead><tr><th scope="col">Credit note</th><th scope="col">Invoice</th><th scope="col">Charge</th><th scope="col">Issued</th><th scope="col">Reason</th><th scope="col" class="number">Amount</th></tr></thead>
            <tbody>{{#credits}}<tr><td>{{number}}</td><td>{{invoice}}</td><td>{{charge}}</td><td>{{issued}}</td><td>{{reason}}</td><td class="number">{{amount}}</td></tr>{{/credits}}</tbody></table>
            {{/hasCredits}}
            {{/content}}{{/layout}}
            """,
        "invoice": """
            {{<layout}}{{$content}}
            <dl><dt>Agency</dt><dd>{{agency}}</dd><dt>Quarter</dt><dd>{{period}}</dd><dt>Raised</dt><dd>{{raised}}</dd><dt>Total</dt><dd>{{total}}</dd></dl>
            <table><caption>Charges on this invoice</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Course</th><th scope="col">Rule</th><th scope="col" class="number">Amount</th></tr></thead>
            <tbody>{{#lines}}<tr><td>{{name}}</td><td>{{course}}</td><td>{{rule}}</td><td class="number">{{amount}}</td></tr>{{/lines}}</tbody></table>
            {{#hasCredits}}
            <p>The invoice stands as raised; these credit notes give back charges on it.</p>
            <table><caption>Credited since</caption>
            <thead><tr><th scope="col">Credit note</th><th scope="col">Charge</th><th scope="col">Issued</th><th scope="col">Reason</th><th scope="col" class="number">Amount</th></tr></thead>
            <tbody>{{#credits}}<tr><td>{{number}}</td><td>{{charge}}</td><td>{{issued}}</td><td>{{reason}}</td><td class="number">{{amount}}</td></tr>{{/credits}}</tbody></table>
            <p>Still payable on this invoice: <strong>{{stillPayable}}</strong></p>
            {{/hasCredits}}
            {{/content}}{{/layout}}
            """,
        "booker-report": """
            {{<layout}}{{$content}}
            <p>Your agency's bookings, attendance, charges and take-up for a financial year, as a spreadsheet.</p>
            <ul>{{#years}}<li><a href="/agency/report?year={{value}}">Workbook for {{value}}</a></li>{{/years}}</ul>
            {{/content}}{{/layout}}
            """,
    ]
}
