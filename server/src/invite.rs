//! `GET /i/{code}`: an invitation link. The visit is counted, the code is remembered in a
//! cookie for 30 days (a registration within that time counts for the link's source), and the
//! visitor goes on to registration. Unknown codes just go on, remembering nothing.

use app::state::{AppState, ClientInfo};
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use domain::invitation::{is_code, INVITE_COOKIE, INVITE_COOKIE_SECS};

/// Follows an invitation link.
pub async fn follow(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Extension(client): Extension<ClientInfo>,
) -> Response {
    let known = is_code(&code)
        && match db::invitation::visit(&state.db, &code).await {
            Ok(known) => known,
            Err(e) => {
                tracing::warn!(error = %e, "invitation visit not counted");
                false
            }
        };
    let mut resp = (StatusCode::SEE_OTHER, [(header::LOCATION, "/register")]).into_response();
    if known {
        let secure = if state.auth.secure_cookies || client.https {
            "; Secure"
        } else {
            ""
        };
        let cookie = format!(
            "{INVITE_COOKIE}={code}; Path=/; Max-Age={INVITE_COOKIE_SECS}; HttpOnly; SameSite=Lax{secure}"
        );
        if let Ok(v) = cookie.parse() {
            resp.headers_mut().insert(header::SET_COOKIE, v);
        }
    }
    resp
}
