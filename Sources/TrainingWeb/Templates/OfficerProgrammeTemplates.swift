extension Templates {
    /// The officer's catalogue, licence, charge, invoice and evaluation pages. Each form asks for one thing,
    /// and every field has a label, a hint and its error beside it (see `formGroup`).
    static let officerProgramme: [String: String] = [
        "officer-courses": page("""
            <p><a href="/officer/courses/new" class="button">Add a course</a></p>
            {{#levels}}
            <h2>{{label}}</h2>
            {{#none}}<p>No {{label}} courses.</p>{{/none}}
            {{^none}}
            <table><caption class="visually-hidden">{{label}} courses</caption>
            <thead><tr><th scope="col">Course</th><th scope="col">Delivery</th><th scope="col">Length</th><th scope="col" class="number">Places</th><th scope="col" class="number">Runs with at least</th><th scope="col">Status</th></tr></thead>
            <tbody>{{#courses}}<tr><th scope="row"><a href="/officer/courses/{{id}}">{{title}}</a></th><td>{{delivery}}</td><td>{{duration}}</td><td class="number">{{capacity}}</td><td class="number">{{minimum}}</td><td>{{#retired}}<strong class="tag">Retired</strong>{{/retired}}{{^retired}}In the catalogue{{/retired}}</td></tr>{{/courses}}</tbody></table>
            {{/none}}
            {{/levels}}
            """),
        "officer-course-new": page(form("/officer/courses", button: "Add the course", """
            \(textGroup("title", "Title", hint: "As learners and bookers will see it. Each course has its own title."))
            \(courseFields)
            """)),
        "officer-course-edit": page("""
            {{#retired}}<p><strong class="tag">Retired</strong> This course cannot be scheduled. Its sessions and history are kept.</p>{{/retired}}
            \(form("/officer/courses/{{id}}", button: "Save the changes", courseFields))
            <h2 id="status">{{#retired}}Put back in the catalogue{{/retired}}{{^retired}}Retire this course{{/retired}}</h2>
            {{#fieldErrors.status}}<p class="error-message"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.status}}
            {{#retired}}\(form("/officer/courses/{{id}}/reinstate", button: "Put back in the catalogue", style: "secondary", """
            <p>It can be scheduled and booked again.</p>
            """)){{/retired}}
            {{^retired}}\(form("/officer/courses/{{id}}/retire", button: "Retire the course", style: "warning", """
            <p>A retired course can no longer be scheduled. Sessions already scheduled, bookings and history are kept.</p>
            """)){{/retired}}
            <p><a href="/officer/courses">Back to the catalogue</a></p>
            """),

        "officer-licences": page("""
            <ul>
            <li><a href="/officer/licences/buy">Record a purchase of licences</a></li>
            <li><a href="/officer/licences/allocate">Allocate licences of a module</a></li>
            <li><a href="/officer/licences/usage">Import the supplier's usage file</a></li>
            <li><a href="/officer/licences/reclaim">Reclaim licences never started</a></li>
            </ul>
            {{#none}}<p>No licences bought yet.</p>{{/none}}
            {{^none}}
            <table><caption>Licence pools</caption>
            <thead><tr><th scope="col">Pool</th><th scope="col">Contract</th><th scope="col">Supplier</th><th scope="col" class="number">Bought</th><th scope="col" class="number">Allocated</th><th scope="col" class="number">In use</th><th scope="col" class="number">Completed</th><th scope="col" class="number">Reclaimed</th><th scope="col" class="number">Left</th></tr></thead>
            <tbody>{{#pools}}<tr><th scope="row">{{id}}</th><td>{{period}}</td><td>{{supplier}}</td><td class="number">{{bought}}</td><td class="number">{{allocated}}</td><td class="number">{{inUse}}</td><td class="number">{{completed}}</td><td class="number">{{reclaimed}}</td><td class="number">{{left}}{{#low}} <strong class="tag">Running low</strong>{{/low}}</td></tr>{{/pools}}</tbody>
            <tfoot>{{#total}}<tr><th scope="row" colspan="3">Total</th><td class="number">{{bought}}</td><td class="number">{{allocated}}</td><td class="number">{{inUse}}</td><td class="number">{{completed}}</td><td class="number">{{reclaimed}}</td><td class="number">{{left}}</td></tr>{{/total}}</tfoot>
            </table>
            <p>A pool is running low when under a tenth of its licences are left.</p>
            {{#runOut}}<p>At the rate of the last 90 days, the live pools run out on {{runOut}}.</p>{{/runOut}}
            {{/none}}
            """),
        "officer-licences-buy": page(form("/officer/licences/buy", button: "Record the purchase", """
            \(textGroup("count", "Number of licences", hint: "A whole number, for example 500.", numeric: true))
            \(textGroup("from", "First day of the contract", hint: "For example 2026-04-01."))
            \(textGroup("to", "Last day of the contract", hint: "For example 2027-03-31. Licences can be allocated up to this day."))
            \(textGroup("supplier", "Supplier (optional)", hint: "Who the licences were bought from."))
            \(textGroup("note", "Note (optional)", hint: "For example the order number. Kept with the purchase."))
            """)),
        "officer-licences-allocate": page("""
            {{#noModules}}<p>There is no e-learning module in the catalogue. <a href="/officer/courses/new">Add one</a> first.</p>{{/noModules}}
            {{^noModules}}\(form("/officer/licences/allocate", button: "Allocate licences", """
            \(formGroup("module", "E-learning module", hint: "Each learner is given one licence of it, from the pool that ends first.", control: """
            <select id="module" name="module" \(describedBy("module"))><option value="">Choose a module</option>{{#modules}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/modules}}</select>
            """))
            \(formGroup("agency", "A whole agency (optional)", hint: "Everyone on the agency's staff list, as well as anyone you enter below.", control: """
            <select id="agency" name="agency" \(describedBy("agency"))><option value="">No agency</option>{{#agencies}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/agencies}}</select>
            """))
            \(formGroup("emails", "Learners' email addresses", hint: "One per line. Anyone who cannot have a licence is listed with the reason; the rest are allocated.", control: """
            <textarea id="emails" name="emails" rows="6" spellcheck="false" \(describedBy("emails"))>{{values.emails}}</textarea>
            """))
            """)){{/noModules}}
            """),
        "officer-licences-usage": page(form("/officer/licences/usage", button: "Import the file", multipart: true, """
            \(formGroup("file", "The supplier's usage file", hint: """
            A CSV file with the columns email, module, started_on and completed_on (other columns are ignored), dates as \
            2026-04-01 or 01/04/2026, at most 5 MB. A file with a mistake in it is refused with the line to correct, and nothing is changed. \
            Importing the same file again changes nothing.
            """, control: """
            <input type="file" id="file" name="file" accept=".csv,text/csv" \(describedBy("file"))>
            """))
            """)),
        "officer-licences-usage-result": page("""
            <p>{{said}}</p>
            <table><caption>Rows of {{file}} that match no learner, module or licence</caption>
            <thead><tr><th scope="col" class="number">Line</th><th scope="col">Email</th><th scope="col">Module</th><th scope="col">Why it was not used</th></tr></thead>
            <tbody>{{#rejected}}<tr><th scope="row" class="number">{{line}}</th><td>{{email}}</td><td>{{module}}</td><td>{{reason}}</td></tr>{{/rejected}}</tbody></table>
            <p>Correct these rows (or allocate the licences first) and import the file again: the rows already used are not counted twice.</p>
            <p><a href="/officer/licences">Back to licences</a></p>
            """),
        "officer-licences-reclaim": page(form("/officer/licences/reclaim", button: "Reclaim unused licences", """
            \(textGroup("days", "Unused for at least this many days", hint: "Licences allocated this many days ago or more and never started return to their pools. For example 60.", numeric: true))
            """)),

        "officer-charges": page("""
            <form method="get" action="/officer/charges" class="filters" aria-label="Filter the charges">
            \(formGroup("filter-agency", "Agency", hint: "Only this agency's charges.", control: """
            <select id="filter-agency" name="agency" \(describedBy("filter-agency"))><option value="">All agencies</option>{{#agencies}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/agencies}}</select>
            """))
            \(formGroup("filter-year", "Financial year", hint: "Raised in this year.", control: """
            <select id="filter-year" name="year" \(describedBy("filter-year"))><option value="">All years</option>{{#years}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/years}}</select>
            """))
            <div class="form-group"><button type="submit" class="button secondary">Show charges</button></div>
            </form>
            <p><a href="/officer/invoices">Invoices</a></p>
            {{#none}}<p>No charges match.</p>{{/none}}
            {{^none}}
            <p>Payable (not waived, reversed or exempt): <strong>{{payable}}</strong></p>
            <table><caption class="visually-hidden">Charges</caption>
            <thead><tr><th scope="col">Charge</th><th scope="col">Raised</th><th scope="col">Agency</th><th scope="col">Name</th><th scope="col">Course</th><th scope="col">For</th><th scope="col" class="number">Amount</th><th scope="col">State</th></tr></thead>
            <tbody>{{#charges}}<tr><th scope="row"><a href="/officer/charges/{{id}}">{{id}}{{#waivable}}<span class="visually-hidden">: view or waive</span>{{/waivable}}</a></th><td>{{raised}}</td><td>{{agency}}</td><td>{{name}}</td><td>{{course}}</td><td>{{kind}}</td><td class="number">{{amount}}</td><td>{{state}}</td></tr>{{/charges}}</tbody></table>
            {{/none}}
            """),
        "officer-charge": page("""
            <dl><dt>Agency</dt><dd>{{agency}}</dd><dt>Learner</dt><dd>{{name}}</dd><dt>Course</dt><dd>{{course}}, {{session}}</dd>
            <dt>For</dt><dd>{{kind}}</dd><dt>Rule</dt><dd>{{rule}}</dd><dt>Amount</dt><dd>{{amount}}</dd><dt>State</dt><dd>{{state}}</dd></dl>
            {{#waivable}}
            <h2>Waive this charge</h2>
            \(form("/officer/charges/{{id}}/waive", button: "Waive the charge", style: "warning", """
            \(textGroup("reason", "Why it is waived", hint: "For example: Snow closed the roads. Kept in the audit log and shown to the agency."))
            """))
            {{/waivable}}
            {{#creditable}}
            <h2>Credit this charge</h2>
            <p>It is on invoice {{invoice}}, which stands as raised: a credit note of its own gives the whole {{amount}} back to {{agency}}.</p>
            \(form("/officer/charges/{{id}}/credit", button: "Issue the credit note", style: "warning", """
            \(textGroup("creditReason", "Why it is credited", hint: "For example: Register sheet found; the learner attended. Kept in the audit log and shown to the agency."))
            """))
            {{/creditable}}
            {{^waivable}}{{^creditable}}<p>This charge cannot be waived or credited: nothing is owed on it.</p>{{/creditable}}{{/waivable}}
            <p><a href="/officer/charges">Back to charges</a></p>
            """),
        "officer-invoices": page("""
            <p><a href="/officer/invoices/raise" class="button">Raise the invoices of a quarter</a></p>
            {{#none}}<p>No invoices yet.</p>{{/none}}
            {{^none}}
            <table><caption class="visually-hidden">Invoices, newest first</caption>
            <thead><tr><th scope="col">Invoice</th><th scope="col">Agency</th><th scope="col">Quarter</th><th scope="col" class="number">Total</th><th scope="col">Raised</th></tr></thead>
            <tbody>{{#invoices}}<tr><th scope="row"><a href="/officer/invoices/{{number}}">{{number}}</a></th><td>{{agency}}</td><td>{{period}}</td><td class="number">{{total}}</td><td>{{raised}}</td></tr>{{/invoices}}</tbody></table>
            {{/none}}
            {{#hasCredits}}
            <h2>Credit notes</h2>
            <table><caption class="visually-hidden">Credit notes, newest first</caption>
            <thead><tr><th scope="col">Credit note</th><th scope="col">Agency</th><th scope="col">Invoice</th><th scope="col">Charge</th><th scope="col">Issued</th><th scope="col">Reason</th><th scope="col" class="number">Amount</th></tr></thead>
            <tbody>{{#credits}}<tr><td>{{number}}</td><td>{{agency}}</td><td><a href="/officer/invoices/{{invoice}}">{{invoice}}</a></td><td><a href="/officer/charges/{{charge}}">{{charge}}</a></td><td>{{issued}}</td><td>{{reason}}</td><td class="number">{{amount}}</td></tr>{{/credits}}</tbody></table>
            {{/hasCredits}}
            <p><a href="/officer/charges">Back to charges</a></p>
            """),
        "officer-invoices-raise": page(form("/officer/invoices/raise", button: "Raise the invoices", """
            \(formGroup("quarter", "Quarter", hint: "Each agency's payable charges raised up to the end of the quarter and not yet billed go on one invoice. Raising again bills only what is new.", control: """
            <select id="quarter" name="quarter" \(describedBy("quarter"))><option value="">Choose a quarter</option>{{#quarters}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/quarters}}</select>
            """))
            """)),

        "officer-evaluations": page("""
            <p><a href="/officer/evaluations?year={{previous}}">Response rates in {{previous}}</a> · <a href="/officer/evaluations?year={{next}}">Response rates in {{next}}</a></p>
            <p>A response rate is the responses divided by the learners who attended. Satisfaction is not shown for a group with fewer than {{minimum}} responses, so that no one's answers can be picked out.</p>
            {{#none}}<p>Nobody attended a session held in {{year}}.</p>{{/none}}
            {{^none}}
            \(rateTable("All courses", "overall"))
            \(rateTable("By level", "levels"))
            \(rateTable("By course", "courses"))
            {{/none}}
            """),
    ]

    /// A page in the layout.
    private static func page(_ content: String) -> String {
        "{{<layout}}{{$content}}\n\(content)\n{{/content}}{{/layout}}"
    }

    /// A POST form with its CSRF token and one submit button.
    private static func form(_ action: String, button: String, style: String? = nil, multipart: Bool = false, _ fields: String) -> String {
        """
        <form method="post" action="\(action)" novalidate\(multipart ? " enctype=\"multipart/form-data\"" : "")>
        <input type="hidden" name="csrf" value="{{csrf}}">
        \(fields)
        <button type="submit" class="button\(style.map { " \($0)" } ?? "")">\(button)</button>
        </form>
        """
    }

    /// A field's label, hint and error beside its control (GOV.UK's error pattern).
    private static func formGroup(_ id: String, _ label: String, hint: String, control: String) -> String {
        """
        <div class="form-group{{#fieldErrors.\(id)}} form-group-error{{/fieldErrors.\(id)}}">
        <label for="\(id)">\(label)</label>
        <p class="hint" id="\(id)-hint">\(hint)</p>
        {{#fieldErrors.\(id)}}<p class="error-message" id="\(id)-error"><span class="visually-hidden">Error:</span> {{.}}</p>{{/fieldErrors.\(id)}}
        \(control)
        </div>
        """
    }

    /// The hint and, when there is one, the error that describe a control.
    private static func describedBy(_ id: String) -> String {
        "aria-describedby=\"\(id)-hint{{#fieldErrors.\(id)}} \(id)-error{{/fieldErrors.\(id)}}\"" +
            "{{#fieldErrors.\(id)}} class=\"input-error\"{{/fieldErrors.\(id)}}"
    }

    /// A one-line text field that keeps what was typed.
    private static func textGroup(_ id: String, _ label: String, hint: String, numeric: Bool = false) -> String {
        formGroup(id, label, hint: hint, control: """
            <input type="text"\(numeric ? " inputmode=\"numeric\"" : "") id="\(id)" name="\(id)" value="{{values.\(id)}}" \(describedBy(id))>
            """)
    }

    /// The fields of a course that can be changed after it is added.
    private static let courseFields = """
        \(formGroup("level", "Level", hint: "Foundation, intermediate or advanced.", control: """
        <select id="level" name="level" \(describedBy("level"))><option value="">Choose a level</option>{{#levels}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/levels}}</select>
        """))
        \(formGroup("delivery", "Delivery", hint: "How the course is usually run; a session may be run another way.", control: """
        <select id="delivery" name="delivery" \(describedBy("delivery"))><option value="">Choose how it is delivered</option>{{#deliveries}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/deliveries}}</select>
        """))
        \(textGroup("duration", "Length in minutes", hint: "For example 180 for a half day, 390 for a full day.", numeric: true))
        \(textGroup("capacity", "Places", hint: "The usual number of places on a session, from 1 to 1000.", numeric: true))
        \(textGroup("minimum", "Minimum numbers", hint: "A session with fewer bookings than this may be cancelled. 0 if there is no minimum.", numeric: true))
        \(formGroup("summary", "Summary (optional)", hint: "What the course covers, for bookers choosing it.", control: """
        <textarea id="summary" name="summary" rows="5" \(describedBy("summary"))>{{values.summary}}</textarea>
        """))
        """

    /// A table of evaluation and follow-up response rates over the groups in `section`.
    private static func rateTable(_ caption: String, _ section: String) -> String {
        """
        <table><caption>\(caption)</caption>
        <thead><tr><th scope="col">Group</th><th scope="col" class="number">Attended</th><th scope="col" class="number">Evaluations</th><th scope="col" class="number">Response rate</th><th scope="col" class="number">Follow-ups</th><th scope="col" class="number">Follow-up rate</th><th scope="col">Satisfied</th></tr></thead>
        <tbody>{{#\(section)}}<tr><th scope="row">{{name}}</th><td class="number">{{attended}}</td><td class="number">{{responses}}</td><td class="number">{{rate}}</td><td class="number">{{followUps}}</td><td class="number">{{followUpRate}}</td><td>{{satisfied}}</td></tr>{{/\(section)}}</tbody></table>
        """
    }
}
