/// The site's style sheet, kept in the binary.
enum StyleSheet {
    /// The style sheet: GOV.UK Design System patterns in the project's own CSS.
    static let css = """
        *, *::before, *::after { box-sizing: border-box; }
        body { margin: 0; font-family: Arial, Helvetica, sans-serif; font-size: 19px; line-height: 1.4; color: #0b0c0c; background: #fff; }
        .width { max-width: 1100px; margin: 0 auto; padding: 0 15px; }
        a { color: #1d70b8; text-decoration: underline; }
        a:visited { color: #4c2c92; }
        a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus {
          outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 6px #0b0c0c; }
        a:focus { background: #ffdd00; color: #0b0c0c; text-decoration: none; }
        .skip-link { position: absolute; left: -9999px; }
        .skip-link:focus { position: static; display: block; padding: 10px; }
        .header { background: #0b0c0c; color: #fff; border-bottom: 10px solid #1d70b8; }
        .header a, .header a:visited, .header .link-button { color: #fff; }
        .header a:focus { color: #0b0c0c; }
        .header-row { display: flex; justify-content: space-between; align-items: center; padding-top: 10px; padding-bottom: 10px; flex-wrap: wrap; }
        .service-name { font-weight: bold; font-size: 24px; text-decoration: none; }
        .nav { list-style: none; margin: 0; padding: 0 0 10px; display: flex; flex-wrap: wrap; gap: 20px; }
        .nav a[aria-current] { font-weight: bold; text-decoration: underline 3px; }
        .link-button { background: none; border: 0; padding: 0; font: inherit; text-decoration: underline; cursor: pointer; color: #1d70b8; }
        main { padding-top: 30px; padding-bottom: 30px; display: block; }
        h1 { font-size: 36px; margin: 0 0 30px; }
        h2 { font-size: 27px; margin: 30px 0 15px; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 30px; }
        caption { text-align: left; font-weight: bold; font-size: 22px; margin-bottom: 10px; }
        th, td { text-align: left; padding: 10px 20px 10px 0; border-bottom: 1px solid #b1b4b6; vertical-align: top; }
        td.number, th.number { text-align: right; }
        tr.marked th, tr.marked td { background: #fce4d6; font-weight: bold; }
        .table-wrap { overflow-x: auto; margin-bottom: 30px; }
        .table-wrap table { margin-bottom: 0; }
        .table-wrap:focus { outline: 3px solid #ffdd00; box-shadow: 0 0 0 6px #0b0c0c; }
        .picture { margin-bottom: 45px; }
        .reading { font-size: 22px; max-width: 40em; }
        .charts-several { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 420px), 1fr)); gap: 20px 30px; }
        .chart-frame { margin: 0 0 20px; }
        .chart { display: block; width: 100%; height: auto; max-width: 900px; }
        .chart-lines { max-width: 620px; }
        .chart text { font-family: Arial, Helvetica, sans-serif; font-size: 14px; fill: #0b0c0c; }
        .chart .chart-value { font-weight: bold; }
        .chart .chart-value-small { font-size: 13px; }
        .chart .chart-note, .chart .chart-tick-label { fill: #505a5f; }
        .chart .chart-axis-title { font-weight: bold; }
        .chart-grid { stroke: #dcdcdc; stroke-width: 1; }
        .chart-axis { stroke: #0b0c0c; stroke-width: 2; }
        .chart-bar { stroke: #0b0c0c; stroke-width: 1; }
        .chart-fill-0 { fill: #1d70b8; }
        .chart-pattern-ground { fill: #ffffff; }
        .chart-pattern-ink { stroke: #0b0c0c; stroke-width: 2.5; }
        .chart-pattern-dot { fill: #0b0c0c; }
        .chart-line { fill: none; stroke: #1d70b8; stroke-width: 3; }
        .chart-line-1 { stroke: #0b0c0c; stroke-dasharray: 8 4; }
        .chart-line-2 { stroke: #00703c; stroke-dasharray: 2 4; }
        .chart-line-3 { stroke: #6f3a00; stroke-dasharray: 10 4 2 4; }
        .chart-marker { fill: #ffffff; stroke: #0b0c0c; stroke-width: 2; }
        .chart-marker-0 { fill: #1d70b8; }
        .form-group { margin-bottom: 30px; }
        .form-group-error { border-left: 5px solid #d4351c; padding-left: 15px; }
        label, legend { display: block; font-weight: bold; margin-bottom: 5px; }
        .hint { color: #505a5f; margin: 0 0 10px; }
        input[type=text], input[type=email], input[type=password], input[type=number], input[type=date], input[type=datetime-local], select, textarea {
          font: inherit; border: 2px solid #0b0c0c; padding: 5px; width: 100%; max-width: 30em; min-height: 40px; }
        textarea { max-width: 40em; }
        .input-error { border-color: #d4351c !important; }
        fieldset { border: 0; padding: 0; margin: 0 0 30px; }
        .checkbox, .radio { display: flex; align-items: center; gap: 10px; margin-bottom: 10px; }
        .checkbox input, .radio input { width: 30px; height: 30px; margin: 0; }
        .checkbox label, .radio label { font-weight: normal; margin: 0; }
        .button { display: inline-block; font: inherit; font-weight: bold; color: #fff; background: #00703c; border: 2px solid transparent;
          box-shadow: 0 2px 0 #002d18; padding: 8px 12px; cursor: pointer; text-decoration: none; margin: 0 15px 15px 0; }
        .button:visited { color: #fff; }
        .button.secondary { background: #f3f2f1; color: #0b0c0c; box-shadow: 0 2px 0 #929191; }
        .button.warning { background: #d4351c; box-shadow: 0 2px 0 #55150b; }
        .error-summary { border: 5px solid #d4351c; padding: 20px; margin-bottom: 30px; }
        .error-summary h2 { margin-top: 0; }
        .error-summary a { color: #d4351c; font-weight: bold; }
        .error-message { color: #d4351c; font-weight: bold; margin: 0 0 10px; }
        .notice { border: 5px solid #00703c; padding: 10px 20px; margin-bottom: 30px; }
        .warning-text { font-weight: bold; border-left: 10px solid #d4351c; padding-left: 15px; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .tag { display: inline-block; padding: 2px 8px; background: #d2e2f1; color: #0c2d4a; font-weight: bold; }
        .inline-form { display: inline; }
        .filters { display: flex; flex-wrap: wrap; gap: 20px; align-items: flex-end; }
        .filters .form-group { margin-bottom: 15px; }
        .footer { border-top: 1px solid #b1b4b6; padding: 20px 0; color: #505a5f; font-size: 16px; }
        """
}
