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
