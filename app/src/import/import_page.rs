//! `/dashboard/import` (upload a spreadsheet; the column reference and templates; recent
//! imports) and `/dashboard/import/<id>` (the preview: counts, every refused cell, the error
//! report, and the button that imports the valid rows). Both work without JavaScript.

use super::api::{get_import, list_imports, CommitImport};
use crate::shell::i18n::{use_i18n, Arg};
use crate::ui::form_alert::FormAlert;
use crate::AppError;
use domain::import::{ImportKind, ImportSummary, MAX_ROWS};
use domain::Locale;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn kind_name(i18n: crate::shell::i18n::I18n, kind: ImportKind) -> String {
    i18n.t(kind.message_id())
}

/// A file-level refusal carried back in the query string after a plain form upload.
#[component]
fn UploadRefusal() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let get = move |k: &str| query.with(|q| q.get(k).unwrap_or_default());
    move || {
        let id = get("error");
        // Only this page's refusals and the general errors (never any other message).
        let known = id
            .strip_prefix("import-")
            .unwrap_or(&id)
            .starts_with("error-");
        (known && !id.contains(|c: char| !(c.is_ascii_lowercase() || c == '-'))).then(|| {
            let missing = get("missing");
            let unknown = get("unknown");
            view! {
                <div class="form-alert" role="alert" id="import-refusal">
                    <p>{i18n.t(&id)}</p>
                    {(!missing.is_empty()).then(|| view! {
                        <p>{i18n.t("import-missing-columns")}" "<code>{missing.clone()}</code></p>
                    })}
                    {(!unknown.is_empty()).then(|| view! {
                        <p>{i18n.t("import-unknown-columns")}" "<code>{unknown.clone()}</code></p>
                    })}
                </div>
            }
        })
    }
}

/// The upload page.
#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let chosen = query.with_untracked(|q| q.get("kind").unwrap_or_default());
    let imports = Resource::new(|| (), |_| list_imports());
    view! {
        <Title text=i18n.t("import-title") />
        <section class="page review-page import-page">
            <p><a href="/dashboard">{i18n.t("nav-dashboard")}</a></p>
            <h1>{i18n.t("import-title")}</h1>
            <p class="lead">{i18n.t_args("import-lead", vec![("max", Arg::Num(MAX_ROWS as i64))])}</p>
            <UploadRefusal />
            <form class="card import-form" method="post" action="/api/import/upload" enctype="multipart/form-data">
                <div class="form-grid">
                    <div class="field">
                        <label for="import-kind">{i18n.t("import-kind")}</label>
                        <select id="import-kind" name="kind">
                            {ImportKind::ALL.into_iter().map(|k| view! {
                                <option value=k.as_str() selected=chosen == k.as_str()>{kind_name(i18n, k)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="import-language">{i18n.t("import-language")}</label>
                        <select id="import-language" name="language" aria-describedby="import-language-hint">
                            {Locale::ALL.into_iter().map(|l| view! {
                                <option value=l.tag() lang=l.tag() selected=l == i18n.locale>{l.endonym()}</option>
                            }).collect_view()}
                        </select>
                        <p class="field-hint" id="import-language-hint">{i18n.t("import-language-hint")}</p>
                    </div>
                    <div class="field">
                        <label for="import-file">{i18n.t("import-file")}</label>
                        <input id="import-file" name="file" type="file" required=true
                            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                            aria-describedby="import-file-hint" />
                        <p class="field-hint" id="import-file-hint">{i18n.t("import-file-hint")}</p>
                    </div>
                </div>
                <button type="submit" class="btn btn-primary">{i18n.t("import-check")}</button>
            </form>
            <section aria-labelledby="import-columns-heading">
                <h2 id="import-columns-heading">{i18n.t("import-columns")}</h2>
                <table class="review-table import-columns">
                    <thead>
                        <tr>
                            <th scope="col">{i18n.t("import-kind")}</th>
                            <th scope="col">{i18n.t("import-columns")}</th>
                            <th scope="col">{i18n.t("import-template")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {ImportKind::ALL.into_iter().map(|k| view! {
                            <tr>
                                <th scope="row">{kind_name(i18n, k)}</th>
                                <td>
                                    {k.columns().iter().map(|(c, required)| view! {
                                        <code class:required=*required>{*c}</code>
                                        {required.then(|| view! { <span class="visually-hidden">{i18n.t("import-required")}</span> <span aria-hidden="true">"*"</span> })}
                                        " "
                                    }).collect_view()}
                                </td>
                                <td><a class="btn" href=format!("/import/template/{}.csv", k.as_str()) download="">{i18n.t("import-template-csv")}</a></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="muted">{i18n.t("import-columns-hint")}</p>
            </section>
            <section aria-labelledby="import-recent-heading">
                <h2 id="import-recent-heading">{i18n.t("import-recent")}</h2>
                <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                    {move || Suspend::new(async move {
                        match imports.await {
                            Ok(list) if list.is_empty() => view! { <p class="muted">{i18n.t("import-none")}</p> }.into_any(),
                            Ok(list) => view! { <RecentImports list /> }.into_any(),
                            Err(AppError::Unauthenticated) => view! {
                                <p><a class="btn btn-primary" href="/login?next=%2Fdashboard%2Fimport">{i18n.t("nav-login")}</a></p>
                            }.into_any(),
                            Err(e) => view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                        }
                    })}
                </Suspense>
            </section>
        </section>
    }
}

#[component]
fn RecentImports(list: Vec<ImportSummary>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <table class="review-table">
            <thead>
                <tr>
                    <th scope="col">{i18n.t("import-file")}</th>
                    <th scope="col">{i18n.t("import-kind")}</th>
                    <th scope="col">{i18n.t("import-when")}</th>
                    <th scope="col">{i18n.t("import-valid")}</th>
                    <th scope="col">{i18n.t("import-refused")}</th>
                    <th scope="col">{i18n.t("import-state")}</th>
                </tr>
            </thead>
            <tbody>
                {list.into_iter().map(|s| view! {
                    <tr>
                        <th scope="row"><a href=format!("/dashboard/import/{}", s.id)>{s.file_name.clone()}</a></th>
                        <td>{kind_name(i18n, s.kind)}</td>
                        <td>{i18n.utc(s.created_at)}</td>
                        <td>{s.valid_rows}</td>
                        <td>{s.refused_rows}</td>
                        <td>{i18n.t(if s.imported { "import-state-imported" } else { "import-state-preview" })}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The preview page.
#[component]
pub fn ImportPreviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let commit = ServerAction::<CommitImport>::new();
    let commit_error = Signal::derive(move || commit.value().get().and_then(Result::err));
    let preview = Resource::new(
        move || (id(), commit.version().get()),
        |(id, _)| get_import(id),
    );
    view! {
        <Title text=i18n.t("import-preview") />
        <section class="page review-page import-page">
            <p><a href="/dashboard/import">{i18n.t("import-title")}</a></p>
            <h1>{i18n.t("import-preview")}</h1>
            <Suspense fallback=|| view! { <div class="skeleton" aria-busy="true"></div> }>
                {move || Suspend::new(async move {
                    let p = match preview.await {
                        Ok(p) => p,
                        Err(AppError::Unauthenticated) => return view! {
                            <p><a class="btn btn-primary" href="/login?next=%2Fdashboard%2Fimport">{i18n.t("nav-login")}</a></p>
                        }.into_any(),
                        Err(e) => return view! { <p class="form-alert" role="alert">{i18n.t(e.message_id())}</p> }.into_any(),
                    };
                    let s = p.summary.clone();
                    let report = format!("/import/{}/errors.csv", s.id);
                    let columns: Vec<&'static str> = domain::import::template(s.kind);
                    let n = |v: i64| Arg::Num(v);
                    view! {
                        <p class="lead">
                            <strong>{s.file_name.clone()}</strong>" · "{kind_name(i18n, s.kind)}" · "{s.language.endonym()}
                        </p>
                        <ul class="import-counts" role="status">
                            <li data-count="total">{i18n.t_args("import-count-total", vec![("count", n(s.total_rows))])}</li>
                            <li data-count="valid">{i18n.t_args("import-count-valid", vec![("count", n(s.valid_rows))])}</li>
                            <li data-count="refused">{i18n.t_args("import-count-refused", vec![("count", n(s.refused_rows))])}</li>
                            {if s.imported {
                                view! {
                                    <li data-count="created">{i18n.t_args("import-count-created", vec![("count", n(s.created))])}</li>
                                    <li data-count="updated">{i18n.t_args("import-count-updated", vec![("count", n(s.updated))])}</li>
                                }.into_any()
                            } else {
                                view! {
                                    <li data-count="will-create">{i18n.t_args("import-count-will-create", vec![("count", n(s.will_create))])}</li>
                                    <li data-count="will-update">{i18n.t_args("import-count-will-update", vec![("count", n(s.will_update))])}</li>
                                }.into_any()
                            }}
                        </ul>
                        {if s.imported {
                            view! { <p class="badge" data-imported="yes">{i18n.t("import-state-imported")}</p> }.into_any()
                        } else {
                            view! {
                                <ActionForm action=commit attr:class="import-commit">
                                    <FormAlert error=commit_error />
                                    <input type="hidden" name="id" value=s.id.clone() />
                                    <button type="submit" class="btn btn-primary" disabled=s.valid_rows == 0>
                                        {i18n.t_args("import-commit", vec![("count", n(s.valid_rows))])}
                                    </button>
                                    <p class="muted">{i18n.t("import-commit-hint")}</p>
                                </ActionForm>
                            }.into_any()
                        }}
                        {(p.error_count > 0).then(|| view! {
                            <section aria-labelledby="import-errors-heading">
                                <h2 id="import-errors-heading">{i18n.t("import-errors")}</h2>
                                <p>
                                    <a class="btn" href=report.clone() download="">{i18n.t("import-error-report")}</a>
                                    {(p.error_count > p.errors.len()).then(|| view! {
                                        " "<span class="muted">{i18n.t_args("import-errors-more", vec![("count", Arg::Num(p.error_count as i64))])}</span>
                                    })}
                                </p>
                                <table class="review-table import-errors">
                                    <thead>
                                        <tr>
                                            <th scope="col">{i18n.t("import-line")}</th>
                                            <th scope="col">{i18n.t("import-column")}</th>
                                            <th scope="col">{i18n.t("import-value")}</th>
                                            <th scope="col">{i18n.t("import-problem")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {p.errors.iter().map(|e| view! {
                                            <tr data-line=e.line.to_string()>
                                                <th scope="row">{e.line}</th>
                                                <td><code>{e.column.clone()}</code></td>
                                                <td>{e.value.clone()}</td>
                                                <td>{i18n.t(&e.message_id)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </section>
                        })}
                        {(!p.sample.is_empty()).then(|| view! {
                            <section aria-labelledby="import-sample-heading">
                                <h2 id="import-sample-heading">{i18n.t("import-sample")}</h2>
                                <div class="table-scroll">
                                    <table class="review-table import-sample">
                                        <thead>
                                            <tr>
                                                <th scope="col">{i18n.t("import-line")}</th>
                                                {columns.iter().map(|c| view! { <th scope="col"><code>{*c}</code></th> }).collect_view()}
                                            </tr>
                                        </thead>
                                        <tbody>
                                            {p.sample.iter().map(|r| view! {
                                                <tr>
                                                    <th scope="row">{r.line}</th>
                                                    {columns.iter().map(|c| view! { <td>{r.get(c).to_owned()}</td> }).collect_view()}
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                            </section>
                        })}
                    }.into_any()
                })}
            </Suspense>
        </section>
    }
}
