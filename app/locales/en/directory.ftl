# Directories and exports
directory-exhibitors = Exhibitor directory
directory-people = People directory
directory-total = { $count ->
    [one] { $count } entry
   *[other] { $count } entries
}
directory-export = Download what is shown:
directory-search = Company or web site
directory-search-people = Name, e-mail or company
directory-products = Products
directory-team = Team
directory-name = Name
directory-language = Language
directory-roles = Roles
directory-registered = Registered
directory-id = Id
dash-exhibitors-body = Every exhibitor, its booth and team; CSV and XLSX.
dash-people-body = Everyone registered and their roles; CSV and XLSX.
directory-export-csv = CSV
directory-export-xlsx = XLSX
time-utc = { $time } UTC
invite-title = Invitation links
invite-lead = Make a link for each campaign, partner or channel; share it; see how many visits and registrations each one brought.
invite-source = Source
invite-source-hint = Lower-case letters, digits, - and _, such as wechat-december.
invite-create = Make a link
invite-empty = No invitation links yet.
invite-link = Link
invite-visits = Visits
invite-registrations = Registrations
invite-created = Made
invite-error-source = Use 1 to 40 lower-case letters, digits, - or _.
dash-invitations-body = Links per campaign, with visits and registrations.
ready-heading = Ready for the expo: { $done } of { $total }
ready-profile = Company profile written
ready-logo = Logo uploaded
ready-products = At least one product listed
ready-media = Pictures, videos or models in the gallery
ready-live-slot = A live slot booked
ready-test-stream = A test stream made
ready-done = done
ready-todo = to do
ready-later = when live streaming opens
directory-readiness = Readiness
directory-readiness-score = { $done } of { $total }
