product-price = Price
product-price-range = { $currency } { $min } – { $max }
product-price-on-request = On request
product-min-order = Minimum order
product-pieces = { $count ->
    [one] { $count } piece
   *[other] { $count } pieces
}
product-lead-time = Lead time
product-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
}
product-origin = Origin
product-certifications = Certifications
product-booth = Booth { $booth }
product-specs-heading = Specifications
product-spec-name = Item
product-spec-value = Value
product-related-heading = More from this exhibitor
product-picture-zoom = Open the picture at full size
viewer-ar = View in your room (AR)
viewer-model-download = Download the 3D model (GLB)
viewer-model-hint = Drag to turn, scroll or pinch to zoom, or use the arrow keys.
viewer-model-alt = 3D model of { $name }
viewer-model-heading = 3D model
viewer-panorama-heading = 360° booth view
viewer-panorama-start = Enter the 360° view
viewer-panorama-loading = Loading the 360° view…
viewer-panorama-error = The 360° view cannot be shown on this device; the picture shows the whole booth.
viewer-panorama-alt = 360° view of { $name }, shown flat
viewer-panorama-label = Interactive 360° view: drag or use the arrow keys to look around
product-files-heading = Videos and documents
product-pictures-label = Product pictures
product-picture-n = Show picture { $n }
zoom-in = Zoom in
zoom-out = Zoom out
zoom-hint = Scroll or use + and − to zoom, drag or use the arrow keys to move, Esc to close.
