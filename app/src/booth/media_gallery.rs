//! The booth's pictures, videos and documents.

use crate::shell::i18n::use_i18n;
use domain::product::MediaItem;
use leptos::prelude::*;

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
        .filter(|m| m.kind == "document" || m.kind == "model")
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
