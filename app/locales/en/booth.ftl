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
