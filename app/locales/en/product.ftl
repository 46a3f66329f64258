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
