# Bulk import
import-title = Import from a spreadsheet
import-lead = Upload exhibitors, products or buyers as CSV or XLSX (up to { $max } rows). Nothing is written until you have seen the check and chosen to import.
import-kind = What the file holds
import-kind-exhibitors = Exhibitors and booths
import-kind-products = Products
import-kind-buyers = Buyers
import-language = Language of the texts
import-language-hint = Names and descriptions are stored in this language.
import-file = File
import-file-hint = CSV (UTF-8; comma, semicolon or tab) or XLSX; the first row names the columns; 5 MB at most.
import-check = Check the file
import-columns = Columns
import-template = Template
import-template-csv = Empty CSV template
import-required = (required)
import-columns-hint = Columns marked * are required. Headers may be in any case and order. Booths are matched by hall and booth code, products by booth and name, buyers by e-mail: importing a file again changes those rows instead of adding them twice.
import-recent = Recent imports
import-none = No import yet.
import-when = Uploaded
import-valid = Valid rows
import-refused = Rows with problems
import-state = State
import-state-imported = Imported
import-state-preview = Checked, not imported
import-preview = Import check
import-count-total = { $count ->
    [one] { $count } row in the file
   *[other] { $count } rows in the file
}
import-count-valid = { $count ->
    [one] { $count } valid row
   *[other] { $count } valid rows
}
import-count-refused = { $count ->
    [one] { $count } row with problems (not imported)
   *[other] { $count } rows with problems (not imported)
}
import-count-will-create = { $count } new
import-count-will-update = { $count } already there (will be updated)
import-count-created = { $count } created
import-count-updated = { $count } updated
import-commit = { $count ->
    [one] Import { $count } valid row
   *[other] Import { $count } valid rows
}
import-commit-hint = All valid rows are imported together, or none if something changed meanwhile.
import-errors = Problems found
import-error-report = Download the error report (CSV)
import-errors-more = { $count } problems in all; the report lists every one.
import-line = Line
import-column = Column
import-value = Value
import-problem = Problem
import-sample = First valid rows
import-missing-columns = Missing columns:
import-unknown-columns = Columns this kind does not have:
dash-import-body = Exhibitors, products and buyers from CSV or XLSX, checked first.
import-error-empty = The file is empty.
import-error-too-large = The file is larger than 5 MB. Split it into smaller files.
import-error-too-many-rows = The file has too many rows. Split it into files of at most 10,000 rows.
import-error-encoding = The file is not UTF-8 text. In your spreadsheet program, save it as "CSV UTF-8" or as XLSX.
import-error-unreadable = This is not a CSV or XLSX file, or it is damaged.
import-error-columns = The columns do not match this kind of import. Start from the template.
import-error-formula = Formulas are not imported. Paste the values instead.
import-error-cell-too-long = This cell is too long (4,000 characters at most).
import-error-characters = This cell holds control characters.
import-error-extra-cells = This row has more cells than the header has columns.
import-error-required = This cell must be filled in.
import-error-company = The company name must be one line of at most 200 characters.
import-error-hall = No hall has this code. Use the hall's short name from the expo setup.
import-error-booth-unknown = No booth has this code.
import-error-booth-ambiguous = Several halls have a booth with this code. Add the hall column.
import-error-duplicate = This row repeats an earlier row of the file.
import-error-yes-no = Write yes or no.
import-error-kind = Choose what the file holds.
import-error-done = This file has been imported already.
import-error-changed = The expo changed since the check (a booth or account was added or removed). Upload the file again to check it anew; nothing was imported.
