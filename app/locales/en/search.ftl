search-title = Search
search-title-for = Search: { $query }
search-label = Search products and exhibitors
search-placeholder = Search products, exhibitors…
search-submit = Search
search-suggestions = Suggestions
search-sort = Order
search-sort-relevance = Best match
search-sort-price-asc = Price: low to high
search-sort-price-desc = Price: high to low
search-sort-newest = Newest
search-notice-too-long = The search text is longer than { $max } characters and was not searched. Please shorten it.
search-notice-unknown-filter = The filter “{ $value }” is not known and was left out.
search-notice-unknown-sort = The order “{ $value }” is not known; results are shown by best match.
search-notice-bad-page = “{ $value }” is not a page number; the first page is shown.
search-notice-page-too-deep = Page { $value } is too far; the last page you can open is shown. Add words or filters to narrow the search.
search-filters = Filters
search-facet-kind = Type
search-facet-hall = Hall
search-facet-country = Country or region
search-facet-cert = Certification
search-facet-price = Starting price
search-filter-remove = (chosen; select to remove)
search-kind-product = Product
search-kind-exhibitor = Exhibitor
search-price-band = { $currency } { $from } – { $below }
search-price-band-open = { $currency } { $from } and more
search-total = { $count ->
    [one] { $count } result
   *[other] { $count } results
}
search-total-for = { $count ->
    [one] { $count } result for “{ $query }”
   *[other] { $count } results for “{ $query }”
}
search-empty = Nothing matches this search. You could:
search-empty-words = use fewer or shorter words;
search-empty-language = try the words in another language (for example Chinese or English);
search-empty-filters = remove a filter.
search-empty-halls = Or browse the halls by industry
search-booth = Booth { $code }
search-products = { $count ->
    [one] { $count } product
   *[other] { $count } products
}
search-insights-title = Searches
search-insights-summary = In the last { $days } days visitors searched { $searches } times; { $zero } searches found nothing.
search-insights-zero = Searches that found nothing
search-insights-none = Every search found something.
search-insights-query = Words
search-insights-times = Times
search-insights-last = Last searched
dash-searches-body = What visitors look for, and what they did not find.
