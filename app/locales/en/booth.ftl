booth-location = { $hall }, booth { $booth }
booth-contact-label = Contact the exhibitor
booth-action-message = Send a message
booth-action-meeting = Book a meeting
booth-action-inquiry = Send an inquiry
booth-action-coming = Messaging, meetings and inquiries open soon. Until then, the exhibitor's website is linked below.
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
