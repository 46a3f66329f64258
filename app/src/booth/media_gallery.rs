//! The booth's pictures, videos and documents; its 3D models and 360° views.

use crate::shell::i18n::use_i18n;
use domain::product::MediaItem;
use leptos::prelude::*;

/// Whether [`MediaGallery`] has anything to show of `media`.
pub fn has_gallery(media: &[MediaItem]) -> bool {
    media
        .iter()
        .any(|m| matches!(m.kind.as_str(), "image" | "video" | "document"))
}

/// The 3D models and 360° panoramas among `media`, each in its viewer under a heading.
#[component]
pub fn ViewerSections(media: Vec<MediaItem>, #[prop(into)] subject: String) -> impl IntoView {
    let i18n = use_i18n();
    let panoramas: Vec<MediaItem> = media
        .iter()
        .filter(|m| m.kind == "panorama")
        .cloned()
        .collect();
    let models: Vec<MediaItem> = media
        .iter()
        .filter(|m| m.kind == "model")
        .cloned()
        .collect();
    let alt = i18n.t_args(
        "viewer-model-alt",
        vec![("name", crate::shell::i18n::Arg::Str(subject.clone()))],
    );
    view! {
        {(!panoramas.is_empty()).then(|| view! {
            <section aria-labelledby="panorama-heading">
                <h2 id="panorama-heading">{i18n.t("viewer-panorama-heading")}</h2>
                {panoramas.into_iter().map(|p| {
                    let title = if p.name.is_empty() { subject.clone() } else { p.name.clone() };
                    view! { <crate::ui::viewers::PanoramaViewer panorama=p title /> }
                }).collect_view()}
            </section>
        })}
        {(!models.is_empty()).then(|| view! {
            <section aria-labelledby="model-heading">
                <h2 id="model-heading">{i18n.t("viewer-model-heading")}</h2>
                {models.into_iter().map(|m| view! { <crate::ui::viewers::ModelViewer model=m alt=alt.clone() /> }).collect_view()}
            </section>
        })}
    }
}

/// Pictures as a responsive grid, then videos and documents.
#[component]
pub fn MediaGallery(media: Vec<MediaItem>, #[prop(into)] company: String) -> impl IntoView {
    let i18n = use_i18n();
    let pictures: Vec<MediaItem> = media
        .iter()
        .filter(|m| m.kind == "image")
        .cloned()
        .collect();
    let videos: Vec<MediaItem> = media
        .iter()
        .filter(|m| m.kind == "video")
        .cloned()
        .collect();
    let documents: Vec<MediaItem> = media
        .iter()
        .filter(|m| m.kind == "document")
        .cloned()
        .collect();
    view! {
        <ul class="gallery" aria-label=i18n.t("booth-gallery-label")>
            {pictures
                .into_iter()
                .map(|m| {
                    let alt = if m.name.is_empty() { company.clone() } else { m.name.clone() };
                    view! {
                        <li class="gallery-item">
                            <a href=m.url("w1600")>
                                <img
                                    src=m.url("w800")
                                    srcset=m.srcset()
                                    sizes="(max-width: 700px) 100vw, 33vw"
                                    alt=alt
                                    loading="lazy"
                                    width=m.width.map(|w| w.min(800))
                                    height=m.width.zip(m.height).map(|(w, h)| h * w.min(800) / w.max(1))
                                />
                            </a>
                        </li>
                    }
                })
                .collect_view()}
            {videos
                .into_iter()
                .map(|m| view! {
                    <li class="gallery-item">
                        <video src=m.url("original") controls=true preload="metadata" aria-label=m.name.clone()></video>
                    </li>
                })
                .collect_view()}
        </ul>
        {(!documents.is_empty()).then(|| view! {
            <ul class="documents">
                {documents
                    .into_iter()
                    .map(|m| view! { <li><a href=m.url("original")>{m.name.clone()}</a></li> })
                    .collect_view()}
            </ul>
        })}
    }
}
