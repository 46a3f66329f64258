site-name = Cloud Expo
nav-skip-to-content = Skip to content
nav-main-label = Main sections
nav-menu = Menu
nav-halls = Halls
nav-live = Live
nav-messages = Messages
nav-dashboard = Dashboard
nav-language-label = Language
nav-theme-dark = Dark theme
nav-login = Sign in
nav-register = Register
nav-logout = Sign out
nav-back-home = Back to the expo
footer-standard = Built to the Digital International Exhibition Guidance Standard.

not-found-title = Page not found
not-found-body = The page you asked for does not exist or has moved.

error-page-title = Something went wrong
error-unexpected = An unexpected error occurred. Please try again.
error-unauthenticated = Please sign in to continue.
error-forbidden = You do not have permission to do this.
error-not-found = We could not find what you asked for.
error-validation = Please correct the highlighted fields.
error-conflict = This conflicts with existing data.
error-rate-limited = { $seconds ->
    [one] Too many attempts. Try again in { $seconds } second.
   *[other] Too many attempts. Try again in { $seconds } seconds.
}
error-read-only = The platform is in maintenance mode; changes are paused.
error-internal = Something went wrong on our side. Incident { $incident } has been logged.
error-transport = The server could not be reached. Check your connection and try again.
error-request-malformed = The request could not be read. Please reload the page and try again.
error-body-too-large = The request is too large.
error-cross-site = This request came from another site and was refused.

content-original-language = Original language

date-long = { $month } { $day }, { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

error-media-type = This file type is not accepted. Upload JPEG, PNG or WebP pictures, MP4 or WebM videos, PDF documents or GLB 3D models.
error-media-svg = SVG files are not accepted, because they can carry scripts. Upload a PNG or JPEG instead.
error-media-too-large = The file is larger than allowed for its type.
error-media-empty = The file is empty.
error-media-corrupt = The picture could not be read; it may be damaged.
error-media-too-many-pixels = The picture is too large to process: at most 12,000 pixels on a side and 40 megapixels.
error-media-truncated = The file is incomplete or damaged (it may have been cut off while saving or uploading). Please upload the whole file again.
error-media-gltf-text = This is a text glTF file, which refers to other files. Please upload the model as a single binary .glb file.
error-media-incomplete = The upload was interrupted. Please try again.
error-text-too-long = The text is too long (at most 4,000 characters).
error-media-product = This product does not belong to this booth.
error-media-panorama-image = A 360° view must be a JPEG, PNG or WebP picture.
error-media-panorama-ratio = A 360° view must be an equirectangular picture, twice as wide as it is high.
error-product-name-required = Enter the product name.
error-product-name-invalid = The name is too long (at most 200 characters) or has line breaks.
error-product-category = Choose a category from the list.
error-specs-too-many = A specification table can have at most 100 rows.
error-spec-row-invalid = A specification is too long (at most 200 characters per cell).
error-spec-row-incomplete = Each specification needs both a name and a value.
error-price-invalid = Enter prices as numbers with at most two decimals, the lower one first.
error-currency-invalid = Choose a currency from the list.
error-quantity-invalid = Enter a whole number of pieces.
error-lead-time-invalid = Enter the lead time as a whole number of days, at most 3,650.
error-certifications-invalid = At most 20 certifications of up to 60 characters each.
error-media-picture-only = This must be a JPEG, PNG or WebP picture.
