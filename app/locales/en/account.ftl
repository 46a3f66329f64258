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

login-forgot-link = Forgot your password?
forgot-title = Reset your password
forgot-lead = Enter the e-mail address of your account. We will send you a link to choose a new password.
forgot-submit = Send the link
forgot-sent = If an account uses this address, we have sent a link to it. The link works for { $minutes } minutes; check your spam folder too.
forgot-back = Back to sign in
reset-title = Choose a new password
reset-password-label = New password
reset-confirm-label = New password again
reset-submit = Save the new password
reset-new-link = Ask for a new link
reset-done = Your password has been changed. Sign in with the new one.
reset-error-link = This link has expired or has already been used.
error-password-mismatch = The two passwords are not the same.
reset-email-subject = Reset your password
reset-email-intro = Someone, probably you, asked to reset the password of your account. Open this link within { $minutes } minutes to choose a new one:
reset-email-ignore = If you did not ask for this, ignore this e-mail: your password stays as it is.
login-lock-email-subject = Sign-in to your account paused from one address
login-lock-email-body = There {$count ->
    [one] was { $count } failed sign-in
   *[other] were { $count } failed sign-ins
} to your account from the address { $address }. Sign-ins from that address are paused for a while, and longer after each further failure; you can still sign in from anywhere else.
login-lock-email-advice = If this was not you, your password was not accepted and nothing else is needed. To be safe, you can choose a new password here:
