//! The chat's translation provider: any service that speaks the LibreTranslate API (the open
//! source translation server, self-hosted or hosted): `POST <url>/translate` with the text,
//! `source=auto`, the target language and `format=text`, answering `{"translatedText": …}`.

use app::chat::translate::{TranslateFuture, Translator};
use domain::Locale;
use serde::Deserialize;

/// A LibreTranslate-compatible service.
#[derive(Debug)]
pub struct LibreTranslate {
    client: reqwest::Client,
    endpoint: reqwest::Url,
    key: Option<String>,
}

#[derive(Deserialize)]
struct Answer {
    #[serde(rename = "translatedText")]
    translated_text: String,
}

/// The provider's code for an interface language.
fn code(locale: Locale) -> &'static str {
    match locale {
        Locale::ZhCn => "zh",
        Locale::En => "en",
        Locale::Ko => "ko",
        Locale::Ja => "ja",
        Locale::Ru => "ru",
        Locale::Ar => "ar",
    }
}

impl LibreTranslate {
    /// A client of the service at `base` (`https://translate.example`), with an API key when
    /// the service needs one.
    pub fn new(base: &str, key: Option<String>) -> anyhow::Result<Self> {
        let base = reqwest::Url::parse(base.trim_end_matches('/'))?;
        if !matches!(base.scheme(), "http" | "https") {
            anyhow::bail!("the translation service must be http or https");
        }
        let endpoint = base.join(&format!("{}/translate", base.path().trim_end_matches('/')))?;
        let client = reqwest::Client::builder()
            .timeout(std::time::Duration::from_secs(15))
            .build()?;
        Ok(Self {
            client,
            endpoint,
            key,
        })
    }
}

impl Translator for LibreTranslate {
    fn translate<'a>(&'a self, text: &'a str, target: Locale) -> TranslateFuture<'a> {
        Box::pin(async move {
            let mut form = vec![
                ("q", text),
                ("source", "auto"),
                ("target", code(target)),
                ("format", "text"),
            ];
            if let Some(key) = &self.key {
                form.push(("api_key", key.as_str()));
            }
            let resp = self
                .client
                .post(self.endpoint.clone())
                .form(&form)
                .send()
                .await
                .map_err(|e| format!("request: {e}"))?;
            let status = resp.status();
            if !status.is_success() {
                return Err(format!("status {status}"));
            }
            let answer: Answer = resp.json().await.map_err(|e| format!("answer: {e}"))?;
            Ok(answer.translated_text)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_endpoint_follows_the_base_path() {
        let t = LibreTranslate::new("http://127.0.0.1:5000", None).expect("url");
        assert_eq!(t.endpoint.as_str(), "http://127.0.0.1:5000/translate");
        let t = LibreTranslate::new("https://example.org/lt/", None).expect("url");
        assert_eq!(t.endpoint.as_str(), "https://example.org/lt/translate");
        assert!(LibreTranslate::new("ftp://example.org", None).is_err());
        assert!(LibreTranslate::new("not a url", None).is_err());
    }

    #[test]
    fn every_interface_language_has_a_code() {
        for l in Locale::ALL {
            assert!(!code(l).is_empty());
        }
    }
}
