//! The expo's brand color on every page: it replaces the platform's primary color in the light
//! scheme (the dark scheme keeps its own, readable on dark backgrounds). The color was checked
//! when saved to carry white text.

use super::api::current_brand;
use leptos::prelude::*;

/// A style element with the brand color, when the expo has one.
#[component]
pub fn Brand() -> impl IntoView {
    let brand = Resource::new(|| (), |()| current_brand());
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                brand.await.ok().flatten().map(|(color, strong)| {
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
