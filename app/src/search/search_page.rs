//! `/search`: results with filters (each a link that adds or removes it, with counts), sorting
//! and pages. A plain GET form: it works the same without JavaScript.

use super::api::run_search;
use crate::account::register_page::country_message_id;
use crate::booth::product_grid::price_text;
use crate::hall::hall_map::booth_href;
use crate::shell::error_view::ErrorView;
use crate::shell::i18n::{use_i18n, Arg, I18n};
use crate::shell::language_menu::encode_query_value;
use domain::search::{
    highlight, price_band_bounds, FacetCount, Hit, PriceFilter, SearchRequest, SearchResults,
    SortOrder, MAX_PAGE, PAGE_SIZE,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The URL parameters of a search, in link order.
const KEYS: [&str; 7] = ["q", "kind", "hall", "country", "cert", "price", "sort"];

/// The text with the query's words marked.
#[component]
pub fn Highlighted(text: String, query: String) -> impl IntoView {
    highlight(&text, &query)
        .into_iter()
        .map(|(run, hit)| {
            if hit {
                view! { <mark>{run}</mark> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}

/// The link of the search `req` with `key` set to `value` (or removed when `None`), page 1.
fn link(req: &SearchRequest, key: &str, value: Option<&str>) -> String {
    let current = |k: &str| -> Option<String> {
        match k {
            "q" => Some(req.text.clone()).filter(|t| !t.is_empty()),
            "kind" => req.kind.map(|k| k.as_str().to_owned()),
            "hall" => req.hall.clone(),
            "country" => req.country.clone(),
            "cert" => req.certification.clone(),
            "price" => req.price.as_ref().map(PriceFilter::key),
            "sort" => (req.sort != SortOrder::Relevance).then(|| req.sort.as_str().to_owned()),
            _ => None,
        }
    };
    let parts: Vec<String> = KEYS
        .iter()
        .filter_map(|k| {
            let v = if *k == key {
                value.map(str::to_owned)
            } else {
                current(k)
            };
            v.map(|v| format!("{k}={}", encode_query_value(&v)))
        })
        .collect();
    format!("/search?{}", parts.join("&"))
}

fn page_link(req: &SearchRequest, page: usize) -> String {
    let base = link(req, "page", None);
    let sep = if base.ends_with('?') { "" } else { "&" };
    format!("{base}{sep}page={page}")
}

/// The label of a facet value in the viewer's language.
fn facet_label(i18n: &I18n, facet: &str, value: &str, results: &SearchResults) -> String {
    match facet {
        "kind" => i18n.t(&format!("search-kind-{value}")),
        "hall" => results
            .halls
            .iter()
            .find(|(slug, _)| slug == value)
            .map(|(_, name)| name.show(i18n.locale).text)
            .unwrap_or_else(|| value.to_owned()),
        "country" => i18n.t(&country_message_id(value)),
        "price" => match PriceFilter::parse(value) {
            Some(p) => {
                let (from, below) = price_band_bounds(p.band);
                let n = |x: i64| i18n.number(x);
                match below {
                    Some(b) => i18n.t_args(
                        "search-price-band",
                        vec![
                            ("currency", Arg::Str(p.currency.clone())),
                            ("from", Arg::Str(n(from))),
                            ("below", Arg::Str(n(b))),
                        ],
                    ),
                    None => i18n.t_args(
                        "search-price-band-open",
                        vec![
                            ("currency", Arg::Str(p.currency.clone())),
                            ("from", Arg::Str(n(from))),
                        ],
                    ),
                }
            }
            None => value.to_owned(),
        },
        _ => value.to_owned(),
    }
}

/// One filter group: the values with counts, each a link; the chosen one can be removed.
#[component]
fn FacetGroup(
    facet: &'static str,
    title: &'static str,
    counts: Vec<FacetCount>,
    selected: Option<String>,
    results: StoredValue<SearchResults>,
) -> impl IntoView {
    let i18n = use_i18n();
    if counts.is_empty() && selected.is_none() {
        return ().into_any();
    }
    let req = results.with_value(|r| r.request.clone());
    let heading_id = format!("facet-{facet}");
    let labelledby = heading_id.clone();
    view! {
        <section class="facet" aria-labelledby=labelledby>
            <h2 id=heading_id>{i18n.t(title)}</h2>
            <ul>
                {counts.into_iter().take(12).map(|c| {
                    let chosen = selected.as_deref() == Some(c.value.as_str());
                    let label = results.with_value(|r| facet_label(&i18n, facet, &c.value, r));
                    let href = if chosen { link(&req, facet, None) } else { link(&req, facet, Some(&c.value)) };
                    let count = i18n.number(i64::try_from(c.count).unwrap_or(i64::MAX));
                    view! {
                        <li>
                            <a href=href aria-current=chosen.then_some("true") class:chosen=chosen>
                                <span class="facet-label">{label}</span>
                                " "
                                <span class="facet-count">{count}</span>
                                {chosen.then(|| view! { <span class="visually-hidden">{i18n.t("search-filter-remove")}</span> })}
                            </a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
    .into_any()
}

fn results_view(i18n: I18n, results: SearchResults) -> impl IntoView {
    let req = results.request.clone();
    let query = req.text.clone();
    let total = results.total;
    let pages = usize::try_from(total)
        .unwrap_or(usize::MAX)
        .div_ceil(PAGE_SIZE)
        .clamp(1, MAX_PAGE);
    let notices = results.notices.clone();
    let hits = results.hits.clone();
    let facets = results.facets.clone();
    let stored = StoredValue::new(results);
    let summary = if query.is_empty() {
        i18n.t_args(
            "search-total",
            vec![("count", Arg::Num(i64::try_from(total).unwrap_or(i64::MAX)))],
        )
    } else {
        i18n.t_args(
            "search-total-for",
            vec![
                ("count", Arg::Num(i64::try_from(total).unwrap_or(i64::MAX))),
                ("query", Arg::Str(query.clone())),
            ],
        )
    };
    let page = req.page;
    view! {
        {(!notices.is_empty()).then(|| view! {
            <div class="alert alert-warning search-notices" role="status">
                <ul>
                    {notices.into_iter().map(|n| view! {
                        <li>{i18n.t_args(&n.message_id, vec![("value", Arg::Str(n.value)), ("max", Arg::Num(domain::search::MAX_QUERY_CHARS as i64))])}</li>
                    }).collect_view()}
                </ul>
            </div>
        })}
        <div class="search-layout">
            <aside class="search-facets" aria-label=i18n.t("search-filters")>
                <FacetGroup facet="kind" title="search-facet-kind" counts=facets.kind selected=req.kind.map(|k| k.as_str().to_owned()) results=stored />
                <FacetGroup facet="hall" title="search-facet-hall" counts=facets.hall selected=req.hall.clone() results=stored />
                <FacetGroup facet="country" title="search-facet-country" counts=facets.country selected=req.country.clone() results=stored />
                <FacetGroup facet="cert" title="search-facet-cert" counts=facets.certification selected=req.certification.clone() results=stored />
                <FacetGroup facet="price" title="search-facet-price" counts=facets.price selected=req.price.as_ref().map(PriceFilter::key) results=stored />
            </aside>
            <div class="search-results">
                <p class="muted search-summary" role="status">{summary}</p>
                {if hits.is_empty() {
                    view! {
                        <div class="search-empty">
                            <p>{i18n.t("search-empty")}</p>
                            <ul>
                                <li>{i18n.t("search-empty-words")}</li>
                                <li>{i18n.t("search-empty-language")}</li>
                                <li>{i18n.t("search-empty-filters")}</li>
                            </ul>
                            <p><a href="/halls">{i18n.t("search-empty-halls")}</a></p>
                        </div>
                    }.into_any()
                } else {
                    view! {
                        <ol class="search-hits" start=(page - 1) * PAGE_SIZE + 1>
                            {hits.into_iter().map(|hit| hit_view(i18n, hit, &query)).collect_view()}
                        </ol>
                    }.into_any()
                }}
                {(pages > 1).then(|| view! {
                    <nav class="pager" aria-label=i18n.t("review-pages")>
                        {(page > 1).then(|| view! { <a class="btn" rel="prev" href=page_link(&req, page - 1)>{i18n.t("review-prev")}</a> })}
                        <span>{i18n.t_args("review-page", vec![("page", Arg::Num(page as i64)), ("pages", Arg::Num(pages as i64))])}</span>
                        {(page < pages).then(|| view! { <a class="btn" rel="next" href=page_link(&req, page + 1)>{i18n.t("review-next")}</a> })}
                    </nav>
                })}
            </div>
        </div>
    }
}

fn hit_view(i18n: I18n, hit: Hit, query: &str) -> impl IntoView {
    match hit {
        Hit::Product(p) => {
            let name = p.card.name.show(i18n.locale);
            let company = p.company.show(i18n.locale);
            let price = price_text(&i18n, &p.card.price);
            view! {
                <li class="search-hit product-hit" data-kind="product">
                    {match p.card.picture.clone() {
                        Some(id) => view! { <img class="hit-thumb" src=format!("/media/{id}/w320") alt="" loading="lazy" width="96" height="72" /> }.into_any(),
                        None => view! { <span class="hit-thumb" aria-hidden="true" data-category=p.card.category.clone()></span> }.into_any(),
                    }}
                    <div>
                        <span class="badge">{i18n.t("search-kind-product")}</span>
                        <h3>
                            <a href=format!("/products/{}", p.card.id) lang=name.locale.tag() dir=name.locale.direction().as_str()>
                                <Highlighted text=name.text query=query.to_owned() />
                            </a>
                        </h3>
                        <p class="muted">
                            <a href=booth_href(&p.exhibitor_id) lang=company.locale.tag()>{company.text}</a>
                            " · " {i18n.t_args("search-booth", vec![("code", Arg::Str(p.booth_code))])}
                            {price.map(|t| view! { " · " <span class="price">{t}</span> })}
                        </p>
                    </div>
                </li>
            }
            .into_any()
        }
        Hit::Exhibitor(e) => {
            let name = e.name.show(i18n.locale);
            let hall = e.hall_name.show(i18n.locale);
            view! {
                <li class="search-hit exhibitor-hit" data-kind="exhibitor">
                    <span class="hit-thumb hit-booth" aria-hidden="true">"◆"</span>
                    <div>
                        <span class="badge">{i18n.t("search-kind-exhibitor")}</span>
                        <h3>
                            <a href=booth_href(&e.id) lang=name.locale.tag() dir=name.locale.direction().as_str()>
                                <Highlighted text=name.text query=query.to_owned() />
                            </a>
                        </h3>
                        <p class="muted">
                            {i18n.t(&country_message_id(&e.country))}
                            " · " <span lang=hall.locale.tag()>{hall.text}</span>
                            " · " {i18n.t_args("search-booth", vec![("code", Arg::Str(e.booth_code))])}
                            " · " {i18n.t_args("search-products", vec![("count", Arg::Num(e.product_count))])}
                        </p>
                    </div>
                </li>
            }
            .into_any()
        }
    }
}

/// The results page.
#[component]
pub fn SearchPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let param = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    let results = Resource::new(
        move || {
            (
                param("q"),
                param("kind"),
                param("hall"),
                param("country"),
                param("cert"),
                param("price"),
                param("sort"),
                param("page"),
            )
        },
        |(q, kind, hall, country, cert, price, sort, page)| {
            run_search(domain::search::RawSearch {
                q,
                kind,
                hall,
                country,
                cert,
                price,
                sort,
                page,
            })
        },
    );
    let q_value = move || param("q");
    view! {
        <Title text=move || {
            let q = param("q");
            if q.is_empty() { i18n.t("search-title") } else { i18n.t_args("search-title-for", vec![("query", Arg::Str(q))]) }
        } />
        <section class="page search-page">
            <h1>{i18n.t("search-title")}</h1>
            <form method="get" action="/search" class="search-form" role="search">
                <label for="search-page-q">{i18n.t("search-label")}</label>
                <div class="search-row">
                    <input id="search-page-q" type="search" name="q" prop:value=q_value value=q_value
                        maxlength=domain::search::MAX_QUERY_CHARS.to_string() placeholder=i18n.t("search-placeholder") />
                    <label for="search-page-sort" class="visually-hidden">{i18n.t("search-sort")}</label>
                    <select id="search-page-sort" name="sort">
                        {SortOrder::ALL.into_iter().map(|o| {
                            let selected = move || param("sort") == o.as_str() || (param("sort").is_empty() && o == SortOrder::Relevance);
                            view! { <option value=o.as_str() selected=selected>{i18n.t(o.message_id())}</option> }
                        }).collect_view()}
                    </select>
                    {move || ["kind", "hall", "country", "cert", "price"].into_iter().filter_map(|k| {
                        let v = param(k);
                        (!v.is_empty()).then(|| view! { <input type="hidden" name=k value=v /> })
                    }).collect_view()}
                    <button type="submit" class="btn btn-primary">{i18n.t("search-submit")}</button>
                </div>
            </form>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                    {move || Suspend::new(async move {
                        results.await.map(|r| results_view(i18n, r))
                    })}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}
