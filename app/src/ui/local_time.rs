//! A moment shown in the reader's own time zone: the server writes it in UTC (it does not know
//! the reader's zone), and the browser rewrites it in local time once the page is running.

use crate::shell::i18n::use_i18n;
use leptos::prelude::*;

/// `<time>` for Unix second `at`.
#[component]
pub fn LocalTime(at: i64) -> impl IntoView {
    let i18n = use_i18n();
    let millis = at.saturating_mul(1000);
    let text = RwSignal::new(i18n.utc(millis));
    let iso = format!("{}Z", domain::locale::utc_minute(millis).replace(' ', "T"));
    #[cfg(feature = "hydrate")]
    {
        let lang = crate::shell::i18n::language_id(i18n.locale).to_string();
        Effect::new(move |_| {
            let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"medium".into());
            let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
            let local: String = date.to_locale_string(&lang, &options).into();
            text.set(local);
        });
    }
    view! { <time datetime=iso>{move || text.get()}</time> }
}
