//! The files of an inquiry on its page: every file both sides attached (a picture as a
//! thumbnail, a PDF as a download), the uploader's "Remove", and a plain form that attaches one
//! more (it works without JavaScript: the server goes back to the page, with the reason when it
//! refuses the file).

use super::api::RemoveInquiryFile;
use crate::chat::attach::ACCEPT_CHAT_FILES;
use crate::shell::i18n::{use_i18n, Arg};
use domain::trade::{InquiryFile, MAX_FILES_PER_INQUIRY};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Where inquiry files are served.
pub const FILE_BASE: &str = "/api/trade/file";

/// The files section.
#[component]
pub fn InquiryFiles(
    inquiry: String,
    files: Vec<InquiryFile>,
    /// Whether files may still be added and removed.
    live: bool,
    remove: ServerAction<RemoveInquiryFile>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let refused = move || {
        query.with(|q| q.get("file_error")).filter(|id| {
            id.len() < 64
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
    };
    let room = files.len() < MAX_FILES_PER_INQUIRY;
    let empty = files.is_empty();
    view! {
        <section id="inquiry-files" class="card inquiry-files" aria-labelledby="inquiry-files-heading">
            <h2 id="inquiry-files-heading">{i18n.t("trade-files")}</h2>
            {move || refused().map(|id| view! {
                <p class="form-alert" role="alert">
                    {i18n.t_args("trade-file-refused", vec![("reason", Arg::Str(i18n.t(&id)))])}
                </p>
            })}
            {empty.then(|| view! { <p class="chat-empty">{i18n.t("trade-no-files")}</p> })}
            <ul class="inquiry-file-list">
                {files.into_iter().map(|f| {
                    let id = f.file.id.clone();
                    let side = if f.from_booth { "trade-file-from-booth" } else { "trade-file-from-buyer" };
                    view! {
                        <li class="inquiry-file">
                            {crate::chat::message_row::file_view(f.file.clone(), FILE_BASE)}
                            <p class="muted">
                                {i18n.t_args(side, vec![("name", Arg::Str(f.uploader_name.clone()))])} " · "
                                <crate::ui::local_time::LocalTime at=f.created_at / 1000 />
                            </p>
                            {(f.mine && live).then(|| view! {
                                <ActionForm action=remove attr:class="inline-form">
                                    <input type="hidden" name="id" value=id />
                                    <button type="submit" class="btn btn-ghost btn-small"
                                        aria-label=i18n.t_args("trade-file-remove-named", vec![("name", Arg::Str(f.file.name.clone()))])>
                                        {i18n.t("chat-file-drop")}
                                    </button>
                                </ActionForm>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(live && room).then(|| view! {
                <form class="inquiry-file-form" method="post" enctype="multipart/form-data" action="/api/trade/file/form">
                    <input type="hidden" name="inquiry" value=inquiry />
                    <div class="field">
                        <label for="inquiry-file-input">{i18n.t("trade-file-add")}</label>
                        <input id="inquiry-file-input" type="file" name="file" accept=ACCEPT_CHAT_FILES required=true
                            aria-describedby="inquiry-file-hint" />
                        <p class="field-hint" id="inquiry-file-hint">{i18n.t("trade-files-hint")}</p>
                    </div>
                    <button type="submit" class="btn">{i18n.t("trade-file-attach")}</button>
                </form>
            })}
        </section>
    }
}
