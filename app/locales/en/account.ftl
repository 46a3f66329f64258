account-email-label = E-mail
account-password-label = Password
account-menu-label = Account

login-title = Sign in
login-lead = Welcome back. Sign in to chat, meet and keep your favorites.
login-submit = Sign in
login-no-account = New here?
login-register-link = Create an account

register-title = Create an account
register-lead = Register once to visit every hall, talk to exhibitors and book meetings.
register-password-hint = At least { $min } characters.
register-display-name-label = Your name
register-company-label = Company (optional)
register-country-label = Country or region
register-country-choose = Choose…
register-language-label = Preferred language
register-submit = Create account
register-have-account = Already registered?
register-login-link = Sign in

error-email-required = Enter your e-mail address.
error-email-invalid = Enter a valid e-mail address, like name@example.com.
error-email-taken = An account with this e-mail already exists. Sign in instead.
error-password-too-short = The password is too short.
error-password-too-long = The password is too long (at most 128 characters).
error-password-is-email = The password must not be your e-mail address.
error-display-name-required = Enter your name.
error-display-name-invalid = The name is too long or contains invalid characters.
error-company-invalid = The company name is too long or contains invalid characters.
error-country-required = Choose your country or region.
error-country-invalid = Choose a country or region from the list.
error-language-invalid = Choose a language from the list.
error-login-failed = The e-mail or password is wrong.

role-organizer = Organizer
role-exhibitor = Exhibitor
role-buyer = Buyer
role-visitor = Visitor
role-consultant = Legal consultant
role-interpreter = Interpreter
role-operator = Operator
