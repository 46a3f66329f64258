//! `/exhibitors/<id>/edit`: the booth team writes its texts per language, uploads pictures,
//! videos, documents, 3D models and 360° panoramas (each file with its own progress bar),
//! orders and deletes them, and manages its products.

use super::api::{can_edit_booth, get_booth, SaveBoothAbout};
use super::media_manager::MediaManager;
use super::media_uploader::{MediaUploader, ACCEPT_MEDIA, ACCEPT_PICTURES};
use super::product_editor::{ProductForm, ProductsEditor};
use super::readiness_checklist::ReadinessChecklist;
use crate::shell::error_view::ErrorView;
use crate::shell::i18n::use_i18n;
use crate::AppError;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

/// The booth editor.
#[component]
pub fn BoothEditorPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let gallery_version = RwSignal::new(0u32);
    let products_version = RwSignal::new(0u32);
    let editing = RwSignal::new(None::<String>);
    let allowed = Resource::new(id, can_edit_booth);
    let user = use_context::<crate::account::UserResource>();
    // The gallery and the product list reload after each change, each on its own, so an open
    // form or a running upload list stays as it is.
    let gallery = Resource::new(
        move || (id(), gallery_version.get()),
        |(id, _)| get_booth(id),
    );
    let products = Resource::new(
        move || (id(), products_version.get()),
        |(id, _)| get_booth(id),
    );
    // The texts are loaded once: saving keeps what is typed on screen.
    let texts = Resource::new(id, get_booth);
    let reload_gallery = move || gallery_version.update(|v| *v += 1);
    let reload_products = move || products_version.update(|v| *v += 1);
    view! {
        <Title text=i18n.t("booth-editor-title") />
        <section class="page booth-editor">
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                <ErrorBoundary fallback=|errors| view! { <ErrorView errors /> }>
                    {move || Suspend::new(async move {
                        if !allowed.await? {
                            let signed_in = match user {
                                Some(u) => matches!(u.await, Ok(Some(_))),
                                None => false,
                            };
                            return Err::<AnyView, AppError>(if signed_in {
                                AppError::Forbidden
                            } else {
                                AppError::Unauthenticated
                            });
                        }
                        let exhibitor_id = id();
                        Ok(view! {
                            <h1>{i18n.t("booth-editor-title")}</h1>
                            <p class="lead">{i18n.t("booth-editor-lead")}</p>
                            <p>
                                <a class="btn btn-ghost" href=format!("/exhibitors/{exhibitor_id}")>{i18n.t("booth-editor-preview")}</a>
                            </p>
                            <FavoriteCountsLine exhibitor_id=exhibitor_id.clone() />
                            <ReadinessChecklist exhibitor_id=exhibitor_id.clone() versions=(gallery_version, products_version) />
                            <Suspense fallback=|| ()>
                                {move || Suspend::new(async move {
                                    texts.await.map(|d| view! { <AboutEditor exhibitor_id=d.id.clone() about=d.about.clone() /> })
                                })}
                            </Suspense>
                            <GallerySection exhibitor_id=exhibitor_id.clone() gallery reload=reload_gallery />
                            <ProductsSection exhibitor_id products editing reload=reload_products />
                        }
                        .into_any())
                    })}
                </ErrorBoundary>
            </Suspense>
        </section>
    }
}

/// "N people keep your booth as a favorite; your products M times."
#[component]
fn FavoriteCountsLine(exhibitor_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let counts = Resource::new(
        move || exhibitor_id.clone(),
        crate::favorite::api::booth_favorite_counts,
    );
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                counts.await.ok().map(|c| view! {
                    <p class="favorite-counts" data-testid="favorite-counts">
                        {i18n.t_args("favorite-counts", vec![
                            ("booth", crate::shell::i18n::Arg::Num(c.booth)),
                            ("products", crate::shell::i18n::Arg::Num(c.products)),
                        ])}
                    </p>
                })
            })}
        </Suspense>
    }
    .into_any()
}

type BoothResource = Resource<Result<domain::product::ExhibitorDetail, AppError>>;

/// The booth's own files: uploaders (files, 360° view, logo, banner) and the ordered list.
#[component]
fn GallerySection(
    exhibitor_id: String,
    gallery: BoothResource,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let uploader = |purpose: Option<&'static str>, input_id, label: &str, hint: &str, accept| {
        view! {
            <MediaUploader
                exhibitor_id=exhibitor_id.clone()
                purpose=purpose.unwrap_or_default()
                input_id
                label=i18n.t(label)
                hint=i18n.t(hint)
                accept
                on_done=reload
            />
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="gallery-heading">
            <h2 id="gallery-heading">{i18n.t("booth-gallery-heading")}</h2>
            <div class="uploaders">
                {uploader(None, "media-files", "booth-upload-choose", "booth-upload-hint", ACCEPT_MEDIA)}
                {uploader(Some("panorama"), "panorama-files", "booth-upload-panorama", "booth-upload-panorama-hint", ACCEPT_PICTURES)}
                {uploader(Some("logo"), "logo-file", "booth-upload-logo", "booth-upload-logo-hint", ACCEPT_PICTURES)}
                {uploader(Some("banner"), "banner-file", "booth-upload-banner", "booth-upload-banner-hint", ACCEPT_PICTURES)}
            </div>
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    gallery.await.map(|detail| view! {
                        <MediaManager media=detail.media on_change=reload empty=i18n.t("booth-gallery-empty") />
                    })
                })}
            </Transition>
        </section>
    }
    .into_any()
}

/// The booth's products: the list, and the open product form below it.
#[component]
fn ProductsSection(
    exhibitor_id: String,
    products: BoothResource,
    editing: RwSignal<Option<String>>,
    reload: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section aria-labelledby="products-editor-heading">
            <h2 id="products-editor-heading">{i18n.t("product-editor-heading")}</h2>
            <Transition fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    products.await.map(|detail| view! {
                        <ProductsEditor products=detail.products editing on_change=reload />
                    })
                })}
            </Transition>
            {move || {
                let exhibitor_id = exhibitor_id.clone();
                editing.get().map(|product_id| view! {
                    <ProductForm exhibitor_id product_id editing on_change=reload />
                })
            }}
        </section>
    }
    .into_any()
}

/// The "about" text, one language at a time.
#[component]
fn AboutEditor(exhibitor_id: String, about: domain::text::LocalizedText) -> impl IntoView {
    let i18n = use_i18n();
    let language = RwSignal::new(i18n.locale);
    let about = StoredValue::new(about);
    let save = ServerAction::<SaveBoothAbout>::new();
    let current =
        move || about.with_value(|a| a.values.get(&language.get()).cloned().unwrap_or_default());
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let saved = move || matches!(save.value().get(), Some(Ok(())));
    view! {
        <section class="about-editor" aria-labelledby="about-editor-heading">
            <h2 id="about-editor-heading">{i18n.t("booth-about-heading")}</h2>
            <ActionForm action=save>
                <crate::ui::form_alert::FormAlert error />
                <input type="hidden" name="input[exhibitor_id]" value=exhibitor_id.clone() />
                <div class="field">
                    <label for="about-language">{i18n.t("booth-editor-language")}</label>
                    <select
                        id="about-language"
                        name="input[language]"
                        on:change=move |ev| {
                            if let Some(l) = domain::Locale::parse(&event_target_value(&ev)) {
                                language.set(l);
                            }
                        }
                    >
                        {domain::Locale::ALL
                            .into_iter()
                            .map(|l| view! { <option value=l.tag() lang=l.tag() selected=l == i18n.locale>{l.endonym()}</option> })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="about-text">{i18n.t("booth-editor-about-label")}</label>
                    <textarea
                        id="about-text"
                        name="input[text]"
                        rows="6"
                        maxlength=domain::text::LONG_TEXT_MAX_CHARS.to_string()
                        prop:value=current
                        lang=move || language.get().tag()
                        dir=move || language.get().direction().as_str()
                    ></textarea>
                </div>
                <button type="submit" class="btn btn-primary" disabled=move || save.pending().get()>{i18n.t("booth-editor-save")}</button>
                <span class="save-status" role="status">{move || saved().then(|| i18n.t("booth-editor-saved"))}</span>
            </ActionForm>
        </section>
    }
}
