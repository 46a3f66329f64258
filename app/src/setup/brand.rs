//! The public expo's brand on every page: its color replaces the platform's primary color in
//! the light scheme (the dark scheme keeps its own, readable on dark backgrounds; the color was
//! checked when saved to carry white text), and its logo stands beside the site's name.

use super::api::current_brand;
use domain::plan::ExpoBrand;
use leptos::prelude::*;

/// The brand, loaded once per page for the style and the header's logo.
#[derive(Clone, Copy)]
pub struct BrandResource(pub Resource<Result<ExpoBrand, crate::AppError>>);

/// Provides [`BrandResource`] to the whole app.
pub fn provide_brand() {
    provide_context(BrandResource(Resource::new(|| (), |()| current_brand())));
}

/// A style element with the brand color, when the expo has one.
#[component]
pub fn Brand() -> impl IntoView {
    let brand = expect_context::<BrandResource>().0;
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                brand.await.ok().and_then(|b| b.color).map(|(color, strong)| {
                    // Only `#rrggbb` values reach here (checked on save and on read).
                    let css = format!(
                        ":root{{--color-primary:light-dark({color},#6d93ff);--color-primary-strong:light-dark({strong},#8eabff)}}"
                    );
                    view! { <style data-brand=color.clone()>{css}</style> }
                })
            })}
        </Suspense>
    }
}

/// The expo's logo in the header (decorative: the site's name follows it), or the platform's
/// mark when the expo has none.
#[component]
pub fn BrandMark() -> impl IntoView {
    let brand = expect_context::<BrandResource>().0;
    let mark = || view! { <span class="brand-mark" aria-hidden="true">"◆"</span> };
    view! {
        <Suspense fallback=mark>
            {move || Suspend::new(async move {
                match brand.await.ok().and_then(|b| b.logo_src) {
                    Some(src) => view! {
                        <img class="brand-logo" src=src alt="" />
                    }.into_any(),
                    None => mark().into_any(),
                }
            })}
        </Suspense>
    }
}
