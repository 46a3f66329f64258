//! The hydrate entry: the browser takes over the server-rendered page.

// Leptos view types of the larger pages (the booth editor) nest deeper than the default 128.
#![recursion_limit = "256"]

/// Called by the generated JS once the WASM module is loaded.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
