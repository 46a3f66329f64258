landing-empty-title = No expo yet
landing-empty-body = The organizer has not opened an expo yet. Please come back soon.
landing-dates = { $start } – { $end }
landing-stat-halls = Halls
landing-stat-exhibitors = Exhibitors
landing-stat-products = Products
landing-cta-enter = Enter the halls
landing-cta-register = Register to visit
landing-halls-heading = Halls by industry
landing-featured-heading = Featured exhibitors
landing-hall-counts = { $exhibitors ->
    [one] { $exhibitors } exhibitor
   *[other] { $exhibitors } exhibitors
} · { $products ->
    [one] { $products } product
   *[other] { $products } products
}
landing-exhibitor-products = { $count ->
    [one] { $count } product
   *[other] { $count } products
}

industry-marine = Marine equipment
industry-food = Food and agriculture
industry-textiles = Textiles and apparel
industry-medical = Medical devices
industry-auto = Tires and auto parts
industry-electronics = Electronics
