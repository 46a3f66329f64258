//! Search: what a visitor may ask (query text, filters, sorting, paging), how a raw request is
//! read into it, and the pieces of a result that the browser and the server share.
//!
//! Invariant: reading a request never fails. Whatever arrives in the URL (empty, huge, operator
//! characters, unknown filters, bad page numbers) becomes a valid [`SearchRequest`] plus the
//! notices that say what was set aside, so the page always answers with a result or a message.

use serde::{Deserialize, Serialize};

/// Longest query text that is searched, in characters; longer text is refused with a notice.
pub const MAX_QUERY_CHARS: usize = 200;
/// Most words (tokens) of one query that are searched.
pub const MAX_QUERY_TERMS: usize = 24;
/// Results per page.
pub const PAGE_SIZE: usize = 20;
/// Deepest page one can open (beyond that, narrow the search).
pub const MAX_PAGE: usize = 50;
/// Suggestions shown under the search box.
pub const SUGGESTIONS: usize = 8;
/// Longest certification filter value, in characters.
const MAX_FILTER_CHARS: usize = 64;

/// What kind of thing a result is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    /// A product.
    Product,
    /// An exhibitor (their booth).
    Exhibitor,
}

impl HitKind {
    /// The stored and URL form.
    pub fn as_str(self) -> &'static str {
        match self {
            HitKind::Product => "product",
            HitKind::Exhibitor => "exhibitor",
        }
    }

    /// Reads the stored and URL form.
    pub fn parse(s: &str) -> Option<HitKind> {
        match s {
            "product" => Some(HitKind::Product),
            "exhibitor" => Some(HitKind::Exhibitor),
            _ => None,
        }
    }
}

/// The order of results.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// Best match first.
    #[default]
    Relevance,
    /// Lowest starting price first (products without a price last).
    PriceAsc,
    /// Highest price first.
    PriceDesc,
    /// Most recently added first.
    Newest,
}

impl SortOrder {
    /// Every order, as the sort menu lists them.
    pub const ALL: [SortOrder; 4] = [
        SortOrder::Relevance,
        SortOrder::PriceAsc,
        SortOrder::PriceDesc,
        SortOrder::Newest,
    ];

    /// The URL form.
    pub fn as_str(self) -> &'static str {
        match self {
            SortOrder::Relevance => "relevance",
            SortOrder::PriceAsc => "price_asc",
            SortOrder::PriceDesc => "price_desc",
            SortOrder::Newest => "newest",
        }
    }

    /// The Fluent id of its label.
    pub fn message_id(self) -> &'static str {
        match self {
            SortOrder::Relevance => "search-sort-relevance",
            SortOrder::PriceAsc => "search-sort-price-asc",
            SortOrder::PriceDesc => "search-sort-price-desc",
            SortOrder::Newest => "search-sort-newest",
        }
    }

    fn parse(s: &str) -> Option<SortOrder> {
        SortOrder::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

/// The price bands of the price filter: starting prices in major units of the product's currency,
/// by power of ten (band 2 = 100 to 999.99).
pub const PRICE_BANDS: u32 = 7;

/// The band of a starting price given in minor units (cents).
pub fn price_band(price_min_minor: i64) -> u32 {
    let major = (price_min_minor / 100).max(0);
    let mut band = 0u32;
    let mut limit = 10i64;
    while major >= limit && band + 1 < PRICE_BANDS {
        band += 1;
        limit = limit.saturating_mul(10);
    }
    band
}

/// The bounds of a band in major units: (from, below), `below` absent for the last band.
pub fn price_band_bounds(band: u32) -> (i64, Option<i64>) {
    let from = if band == 0 { 0 } else { 10i64.pow(band) };
    let below = (band + 1 < PRICE_BANDS).then(|| 10i64.pow(band + 1));
    (from, below)
}

/// A price filter value: currency and band, written `USD-3` in the URL.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceFilter {
    /// ISO currency code.
    pub currency: String,
    /// Band (see [`price_band`]).
    pub band: u32,
}

impl PriceFilter {
    /// The URL and facet form.
    pub fn key(&self) -> String {
        format!("{}-{}", self.currency, self.band)
    }

    /// Reads the URL and facet form.
    pub fn parse(s: &str) -> Option<PriceFilter> {
        let (currency, band) = s.split_once('-')?;
        let band: u32 = band.parse().ok()?;
        (currency.len() == 3
            && currency.bytes().all(|b| b.is_ascii_uppercase())
            && band < PRICE_BANDS)
            .then(|| PriceFilter {
                currency: currency.to_owned(),
                band,
            })
    }
}

/// A search as the engine runs it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchRequest {
    /// The words, trimmed; may be empty (then every item matches and filters browse).
    pub text: String,
    /// Only this kind of result.
    pub kind: Option<HitKind>,
    /// Only this hall (slug).
    pub hall: Option<String>,
    /// Only this country (ISO code).
    pub country: Option<String>,
    /// Only products with this certification.
    pub certification: Option<String>,
    /// Only products in this price band.
    pub price: Option<PriceFilter>,
    /// Order.
    pub sort: SortOrder,
    /// Page, from 1.
    pub page: usize,
}

impl SearchRequest {
    /// True when no words and no filters are given (nothing was asked).
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
            && self.kind.is_none()
            && self.hall.is_none()
            && self.country.is_none()
            && self.certification.is_none()
            && self.price.is_none()
    }

    /// The filters as stored with the search record (JSON object of the filters set).
    pub fn filters_json(&self) -> String {
        let mut map = serde_json::Map::new();
        let mut put = |k: &str, v: Option<String>| {
            if let Some(v) = v {
                map.insert(k.to_owned(), serde_json::Value::String(v));
            }
        };
        put("kind", self.kind.map(|k| k.as_str().to_owned()));
        put("hall", self.hall.clone());
        put("country", self.country.clone());
        put("cert", self.certification.clone());
        put("price", self.price.as_ref().map(PriceFilter::key));
        if self.sort != SortOrder::Relevance {
            put("sort", Some(self.sort.as_str().to_owned()));
        }
        serde_json::Value::Object(map).to_string()
    }
}

/// Something in the request that was set aside, and why (a Fluent id with the offending value).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchNotice {
    /// Fluent message id (`search-notice-…`).
    pub message_id: String,
    /// The value concerned, as given (shortened).
    pub value: String,
}

/// The raw parameters of a search, as they come from the URL or a form (each may be missing).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RawSearch {
    /// `q`.
    pub q: String,
    /// `kind`.
    pub kind: String,
    /// `hall`.
    pub hall: String,
    /// `country`.
    pub country: String,
    /// `cert`.
    pub cert: String,
    /// `price`.
    pub price: String,
    /// `sort`.
    pub sort: String,
    /// `page`.
    pub page: String,
}

fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

impl RawSearch {
    /// Reads the parameters; `halls` are the hall slugs of the expo. Never fails: each value
    /// that cannot be used is left out with a notice.
    pub fn read(&self, halls: &[String]) -> (SearchRequest, Vec<SearchNotice>) {
        let mut notices = Vec::new();
        let mut notice = |id: &str, value: &str| {
            notices.push(SearchNotice {
                message_id: id.to_owned(),
                value: shorten(value),
            });
        };
        let mut req = SearchRequest {
            page: 1,
            ..SearchRequest::default()
        };
        // Control characters never reach the engine or the records.
        let text: String = self
            .q
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.chars().count() > MAX_QUERY_CHARS {
            notice("search-notice-too-long", &text);
        } else {
            req.text = text;
        }
        let kind = self.kind.trim();
        if !kind.is_empty() {
            match HitKind::parse(kind) {
                Some(k) => req.kind = Some(k),
                None => notice("search-notice-unknown-filter", kind),
            }
        }
        let hall = self.hall.trim();
        if !hall.is_empty() {
            if halls.iter().any(|h| h == hall) {
                req.hall = Some(hall.to_owned());
            } else {
                notice("search-notice-unknown-filter", hall);
            }
        }
        let country = self.country.trim().to_ascii_uppercase();
        if !country.is_empty() {
            if crate::account::COUNTRIES.contains(&country.as_str()) {
                req.country = Some(country);
            } else {
                notice("search-notice-unknown-filter", &self.country);
            }
        }
        let cert = self.cert.trim();
        if !cert.is_empty() {
            if cert.chars().count() <= MAX_FILTER_CHARS && !cert.contains('/') {
                req.certification = Some(cert.to_owned());
            } else {
                notice("search-notice-unknown-filter", cert);
            }
        }
        let price = self.price.trim();
        if !price.is_empty() {
            match PriceFilter::parse(price) {
                Some(p) => req.price = Some(p),
                None => notice("search-notice-unknown-filter", price),
            }
        }
        let sort = self.sort.trim();
        if !sort.is_empty() {
            match SortOrder::parse(sort) {
                Some(s) => req.sort = s,
                None => notice("search-notice-unknown-sort", sort),
            }
        }
        let page = self.page.trim();
        if !page.is_empty() {
            match page.parse::<usize>() {
                Ok(p) if (1..=MAX_PAGE).contains(&p) => req.page = p,
                Ok(p) if p > MAX_PAGE => {
                    notice("search-notice-page-too-deep", page);
                    req.page = MAX_PAGE;
                }
                _ => notice("search-notice-bad-page", page),
            }
        }
        (req, notices)
    }
}

/// A count per facet value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// The value (hall slug, country code, certification, price key, kind).
    pub value: String,
    /// Matching results with this value (with the other filters applied).
    pub count: u64,
}

/// Counts per value of every facet.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facets {
    /// By kind.
    pub kind: Vec<FacetCount>,
    /// By hall.
    pub hall: Vec<FacetCount>,
    /// By country.
    pub country: Vec<FacetCount>,
    /// By certification.
    pub certification: Vec<FacetCount>,
    /// By price band.
    pub price: Vec<FacetCount>,
}

/// Splits `text` into runs to show, marking those that match a word of `query` (case-insensitive),
/// for highlighted suggestions and results. Runs alternate as (text, is_match).
pub fn highlight(text: &str, query: &str) -> Vec<(String, bool)> {
    let lower_text: Vec<(usize, char)> = text.char_indices().collect();
    let words: Vec<Vec<char>> = query
        .split(|c: char| c.is_whitespace() || (!c.is_alphanumeric() && c != '-'))
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .collect();
    let chars: Vec<char> = lower_text
        .iter()
        .map(|(_, c)| c.to_lowercase().next().unwrap_or(*c))
        .collect();
    let mut marked = vec![false; chars.len()];
    for w in &words {
        if w.is_empty() || w.len() > chars.len() {
            continue;
        }
        for start in 0..=chars.len() - w.len() {
            if chars[start..start + w.len()] == w[..] {
                marked[start..start + w.len()]
                    .iter_mut()
                    .for_each(|m| *m = true);
            }
        }
    }
    let mut runs: Vec<(String, bool)> = Vec::new();
    for (i, (_, c)) in lower_text.iter().enumerate() {
        match runs.last_mut() {
            Some((s, m)) if *m == marked[i] => s.push(*c),
            _ => runs.push((c.to_string(), marked[i])),
        }
    }
    runs
}

/// A product in the results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProductHit {
    /// The product's card.
    pub card: crate::product::ProductCard,
    /// Its exhibitor.
    pub exhibitor_id: String,
    /// The exhibitor's name.
    pub company: crate::text::LocalizedText,
    /// The booth's code.
    pub booth_code: String,
}

/// An exhibitor in the results.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExhibitorHit {
    /// Id (the booth page's).
    pub id: String,
    /// Name.
    pub name: crate::text::LocalizedText,
    /// Country.
    pub country: String,
    /// Hall name.
    pub hall_name: crate::text::LocalizedText,
    /// Booth code.
    pub booth_code: String,
    /// Number of products.
    pub product_count: i64,
}

/// One result.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Hit {
    /// A product.
    Product(ProductHit),
    /// An exhibitor.
    Exhibitor(ExhibitorHit),
}

/// One page of results, with what the page needs to draw its filters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    /// The search as run.
    pub request: SearchRequest,
    /// What was set aside from the request.
    pub notices: Vec<SearchNotice>,
    /// How many results match.
    pub total: u64,
    /// This page of them.
    pub hits: Vec<Hit>,
    /// Counts per filter value.
    pub facets: Facets,
    /// The expo's halls: (slug, name), for the hall filter's labels.
    pub halls: Vec<(String, crate::text::LocalizedText)>,
}

/// A suggestion under the search box.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suggestion {
    /// What it is.
    pub kind: HitKind,
    /// The page it opens.
    pub href: String,
    /// Its name in the viewer's language (or the fallback).
    pub name: crate::text::Shown,
    /// A second line (the exhibitor of a product, the hall of an exhibitor).
    pub detail: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(q: &str) -> RawSearch {
        RawSearch {
            q: q.into(),
            ..RawSearch::default()
        }
    }

    #[test]
    fn reading_never_fails_and_says_what_was_set_aside() {
        let halls = vec!["marine".to_owned()];
        let (r, n) = RawSearch {
            q: "  marine \u{0} engine  ".into(),
            kind: "robot".into(),
            hall: "nowhere".into(),
            country: "zz".into(),
            cert: "CE".into(),
            price: "usd-99".into(),
            sort: "random".into(),
            page: "-3".into(),
        }
        .read(&halls);
        assert_eq!(r.text, "marine engine");
        assert_eq!(r.page, 1);
        assert_eq!(r.certification.as_deref(), Some("CE"));
        assert!(r.kind.is_none() && r.hall.is_none() && r.country.is_none() && r.price.is_none());
        assert_eq!(r.sort, SortOrder::Relevance);
        let ids: Vec<_> = n.iter().map(|n| n.message_id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "search-notice-unknown-filter",
                "search-notice-unknown-filter",
                "search-notice-unknown-filter",
                "search-notice-unknown-filter",
                "search-notice-unknown-sort",
                "search-notice-bad-page"
            ]
        );
        let (r, n) = raw(&"长".repeat(MAX_QUERY_CHARS + 1)).read(&halls);
        assert!(r.text.is_empty());
        assert_eq!(n[0].message_id, "search-notice-too-long");
        assert!(n[0].value.chars().count() <= 41);
        let (r, n) = RawSearch {
            page: "9999".into(),
            hall: "marine".into(),
            country: "cn".into(),
            price: "USD-3".into(),
            ..RawSearch::default()
        }
        .read(&halls);
        assert_eq!(
            (r.page, n[0].message_id.as_str()),
            (MAX_PAGE, "search-notice-page-too-deep")
        );
        assert_eq!(r.country.as_deref(), Some("CN"));
        assert_eq!(r.price.map(|p| p.key()), Some("USD-3".to_owned()));
        assert!(raw("").read(&halls).0.is_blank());
    }

    #[test]
    fn price_bands_are_powers_of_ten() {
        assert_eq!(price_band(0), 0);
        assert_eq!(price_band(999), 0);
        assert_eq!(price_band(1_000), 1);
        assert_eq!(price_band(99_999), 2);
        assert_eq!(price_band(100_000), 3);
        assert_eq!(price_band(i64::MAX), PRICE_BANDS - 1);
        assert_eq!(price_band_bounds(0), (0, Some(10)));
        assert_eq!(price_band_bounds(3), (1_000, Some(10_000)));
        assert_eq!(price_band_bounds(PRICE_BANDS - 1).1, None);
        assert!(PriceFilter::parse("USD-7").is_none());
        assert!(PriceFilter::parse("US-1").is_none());
    }

    #[test]
    fn highlight_marks_query_words_in_any_case() {
        let runs = highlight("Marine Diesel Engine", "marine engine");
        assert_eq!(
            runs,
            vec![
                ("Marine".into(), true),
                (" Diesel ".into(), false),
                ("Engine".into(), true)
            ]
        );
        let runs = highlight("船用柴油发动机", "发动机");
        assert_eq!(
            runs,
            vec![("船用柴油".into(), false), ("发动机".into(), true)]
        );
        assert_eq!(highlight("abc", ""), vec![("abc".into(), false)]);
    }

    #[test]
    fn filters_json_holds_only_what_is_set() {
        let r = SearchRequest {
            hall: Some("marine".into()),
            sort: SortOrder::Newest,
            ..SearchRequest::default()
        };
        assert_eq!(r.filters_json(), r#"{"hall":"marine","sort":"newest"}"#);
    }
}
