//! "Rename or move this slot" on a broadcast's page: its title and description in every
//! language and its start and end in the expo's time zone, for organizers (any slot not over)
//! and for a booth's team while its request waits.

use super::api::UpdateStream;
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use crate::ui::other_languages::OtherLanguages;
use domain::live::{DESCRIPTION_MAX_CHARS, TITLE_MAX_CHARS};
use domain::text::{LocalizedText, Translations};
use leptos::prelude::*;

/// The texts of `text` in every language but `except`, as the other-language fields take them.
fn others(text: &LocalizedText, except: domain::Locale) -> Translations {
    let mut t = Translations::default();
    for (l, v) in &text.values {
        if *l == except {
            continue;
        }
        let slot = match l {
            domain::Locale::En => &mut t.en,
            domain::Locale::ZhCn => &mut t.zh_cn,
            domain::Locale::Ko => &mut t.ko,
            domain::Locale::Ja => &mut t.ja,
            domain::Locale::Ru => &mut t.ru,
            domain::Locale::Ar => &mut t.ar,
        };
        v.clone_into(slot);
    }
    t
}

/// The form, folded.
#[component]
pub fn SlotEditor(
    id: String,
    title: LocalizedText,
    description: LocalizedText,
    /// The expo's time zone and the slot's start and end in it.
    slot_local: (String, String, String),
) -> impl IntoView {
    let i18n = use_i18n();
    let save = ServerAction::<UpdateStream>::new();
    let error = Signal::derive(move || save.value().get().and_then(Result::err));
    let here = i18n.locale;
    let main_title = title.values.get(&here).cloned().unwrap_or_default();
    let main_description = description.values.get(&here).cloned().unwrap_or_default();
    let (zone, starts, ends) = slot_local;
    let zone_hint = i18n.t_args("live-time-zone-hint", vec![("zone", Arg::Str(zone))]);
    view! {
        <details class="live-slot-edit card" open=move || error.get().is_some()>
            <summary>{i18n.t("live-slot-edit")}</summary>
            <ActionForm action=save attr:class="stack-form">
                <FormAlert error=error />
                <input type="hidden" name="id" value=id />
                <input type="hidden" name="slot[kind]" value="forum" />
                <p class="hint">{i18n.t("live-slot-edit-hint")}</p>
                <div class="field">
                    <label for="live-edit-title">{i18n.t("live-title-label")}</label>
                    <input id="live-edit-title" name="slot[title]" required maxlength=TITLE_MAX_CHARS value=main_title />
                </div>
                <OtherLanguages name="slot[title_in]" id="live-edit-title-in" summary="live-title-other-languages" max=TITLE_MAX_CHARS values=others(&title, here) />
                <div class="field">
                    <label for="live-edit-description">{i18n.t("live-description-label")}</label>
                    <textarea id="live-edit-description" name="slot[description]" rows="3" maxlength=DESCRIPTION_MAX_CHARS>{crate::ui::textarea_text(&main_description)}</textarea>
                </div>
                <OtherLanguages name="slot[description_in]" id="live-edit-description-in" summary="live-description-other-languages" max=DESCRIPTION_MAX_CHARS multiline=true values=others(&description, here) />
                <div class="field-row">
                    <div class="field">
                        <label for="live-edit-starts">{i18n.t("live-starts-label")}</label>
                        <input id="live-edit-starts" type="datetime-local" name="slot[starts]" required value=starts aria-describedby="live-edit-zone" />
                    </div>
                    <div class="field">
                        <label for="live-edit-ends">{i18n.t("live-ends-label")}</label>
                        <input id="live-edit-ends" type="datetime-local" name="slot[ends]" required value=ends aria-describedby="live-edit-zone" />
                    </div>
                </div>
                <p class="hint" id="live-edit-zone">{zone_hint}</p>
                <button type="submit" class="btn btn-primary">{i18n.t("live-slot-edit-save")}</button>
            </ActionForm>
        </details>
    }
}
