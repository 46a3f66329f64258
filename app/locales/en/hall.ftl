halls-title = Halls
halls-lead = Each hall gathers one industry. Open a hall to walk its floor plan or browse its booths as a list.
hall-summary = { $industry } · { $booths ->
    [one] { $booths } booth
   *[other] { $booths } booths
}
hall-view-label = How to show the hall
hall-view-map = Floor plan
hall-view-list = List
hall-map-label = Floor plan of the hall
hall-map-controls = Floor plan controls
hall-map-zoom-in = Zoom in
hall-map-zoom-out = Zoom out
hall-map-reset = Reset view
hall-map-help = Drag or use the arrow keys to move; pinch, Ctrl + wheel, or + and − to zoom; Tab moves between booths and Enter opens one.
hall-list-caption = Booths in this hall
hall-list-booth = Booth
hall-list-exhibitor = Exhibitor
hall-list-country = Country or region
hall-list-products = Products
hall-list-tier = Booth type
booth-tier-standard = Standard
booth-tier-premium = Premium
booth-tier-flagship = Flagship
nav-breadcrumb = You are here
