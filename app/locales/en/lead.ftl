# A booth's leads
lead-title = Leads
lead-lead = Everyone who showed interest in your booth: recommended by the matchmaking, visited your booth or products, saved them, sent an inquiry or met your team. Keep a stage and a note for each, and export them for your CRM. Contact details appear only for buyers who agreed to share them.
lead-filters = Filter leads
lead-source = Came by
lead-stage = Stage
lead-any = Any
lead-search = Name, company or note
lead-filter = Filter
lead-source-matched = Recommended match
lead-source-visited = Visited
lead-source-favorited = Saved
lead-source-inquired = Inquired
lead-source-met = Met
lead-stage-new = New
lead-stage-contacted = Contacted
lead-stage-qualified = Qualified
lead-stage-negotiating = Negotiating
lead-stage-won = Won
lead-stage-lost = Lost
lead-stage-count = { $stage }: { $count }
lead-count = { $shown } of { $total } leads shown
lead-export-csv = Export CSV
lead-export-xlsx = Export Excel
lead-export-vcf = Export contacts (vCard)
lead-empty = No leads match these filters.
lead-col-who = Lead
lead-col-role = Role
lead-col-signals = Interest
lead-col-score = Match score
lead-col-contact = Contact
lead-col-follow-up = Follow-up
lead-views = { $count ->
    [one] { $count } page view
   *[other] { $count } page views
}
lead-inquiries = { $count ->
    [one] { $count } inquiry
   *[other] { $count } inquiries
}
lead-meetings = { $count ->
    [one] { $count } meeting
   *[other] { $count } meetings
}
lead-wechat = WeChat: { $id }
lead-no-contact = Not shared
lead-stage-of = Stage of { $name }
lead-note-of = Note on { $name }
lead-note = Note
lead-note-placeholder = A note for your team
lead-save = Save
lead-error-stage = Choose a stage from the list.
lead-error-note = Write at most 2,000 characters, without control characters.
dash-leads-body = Everyone interested in your booth, with stages, notes and exports for your CRM.
