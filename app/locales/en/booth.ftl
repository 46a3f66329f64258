booth-location = { $hall }, booth { $booth }
booth-contact-label = Contact the exhibitor
dialog-close = Close
booth-about-heading = About us
booth-website = Visit the website
booth-products-heading = { $count ->
    [one] { $count } product
   *[other] { $count } products
}
booth-gallery-heading = Gallery
booth-gallery-label = Pictures and videos
booth-gallery-empty = Nothing uploaded yet. Pictures, videos and documents you upload appear here.
booth-edit-link = Edit booth
booth-editor-title = Edit booth
booth-editor-lead = Upload pictures, videos, documents and 3D models. Each file shows its progress; pictures are resized for fast pages and their camera data is removed.
booth-editor-preview = See it as a visitor
booth-upload-choose = Choose files…
booth-upload-hint = JPEG, PNG or WebP pictures up to 20 MB, MP4 or WebM videos, PDF documents, GLB 3D models.
booth-upload-progress = Uploading { $name }
booth-upload-done = Uploaded
booth-editor-language = Language of the text
booth-editor-about-label = About your company
booth-editor-save = Save
booth-editor-saved = Saved
booth-upload-panorama = Upload a 360° view…
booth-upload-panorama-hint = An equirectangular JPEG, PNG or WebP picture, twice as wide as high (for example 4096 × 2048).
media-kind-image = Picture
media-kind-video = Video
media-kind-document = Document
media-kind-model = 3D model
media-kind-panorama = 360° view
media-kind-file = File
media-delete-confirm = Delete “{ $name }”? Visitors will no longer see it.
media-move-earlier = Move { $name } earlier
media-move-later = Move { $name } later
media-delete = Delete { $name }
media-delete-short = Delete
product-editor-heading = Products
product-delete-confirm = Delete the product “{ $name }” with its pictures and files?
product-edit-named = Edit { $name }
product-delete-named = Delete { $name }
product-edit = Edit
product-add = Add a product
product-new-heading = New product
product-edit-heading = Edit product
product-media-heading = Pictures, videos, documents and 3D models of this product
product-upload-hint = The first picture is the one on product cards. GLB 3D models get a viewer with AR on phones.
product-media-empty = No pictures or files for this product yet.
product-preview = See the product page
product-language-hint = Texts are saved in this language; the other languages stay as they are. Save before switching.
product-name-label = Product name
product-description-label = Description
product-category-label = Category
product-origin-none = Not given
product-price-min = From
product-price-max = To
product-currency = Currency
product-price-hint = Leave both empty for “price on request”.
product-lead-time-days = Lead time (days)
product-certifications-hint = Separate with semicolons, for example: CE; ISO 9001
product-spec-actions = Actions
product-spec-name-n = Specification { $n }: name
product-spec-value-n = Specification { $n }: value
product-spec-remove-n = Remove specification { $n }
product-spec-add = Add a row
booth-upload-logo = Upload the logo…
booth-upload-logo-hint = A square JPEG, PNG or WebP picture; it replaces the current logo.
booth-upload-banner = Upload the banner…
booth-upload-banner-hint = A wide picture behind the booth name (for example 2400 × 600); it replaces the current banner.
media-kind-logo = Logo
media-kind-banner = Banner
booth-logo-alt = Logo of { $name }
share = Share
share-copied = Link copied
share-unavailable = Copy the address from the address bar to share this page.
favorite = Favorite
favorite-signin = Sign in to keep favorites
favorites-title = My favorites
favorites-empty = Nothing saved yet. Use “Favorite” on a booth or a product to keep it here.
favorites-booths = { $count ->
    [one] { $count } booth
   *[other] { $count } booths
}
favorites-products = { $count ->
    [one] { $count } product
   *[other] { $count } products
}
favorite-counts = { $booth ->
    [one] { $booth } person keeps
   *[other] { $booth } people keep
} your booth as a favorite; your products were saved { $products ->
    [one] once
   *[other] { $products } times
}.
share-link = Link to this page
share-copy = Copy link
share-device = Share with an app…
share-qr-alt = QR code of this page's link
share-qr-caption = Scan to open this page on a phone.
share-qr-png = Download PNG
share-qr-svg = Download SVG
