//! Koodisto refresh: the current code lists of OPH's koodisto service, as ONR itself reads them
//! (`GET {base}/koodisto-service/rest/json/{uri}/koodi?onlyValidKoodis=false`: expired codes
//! count, as in ONR's import). Koodisto is public: no login, only the `Caller-Id` and CSRF
//! headers every call carries.
//!
//! The result is an [`onr_core::import::koodisto_file::KoodistoFile`], which onr-core reads
//! into the [`onr_core::import::koodisto::Koodisto`] the import check uses.

use chrono::{SecondsFormat, Utc};
use onr_core::import::koodisto_file::{FileCode, KoodistoFile, REQUIRED_LISTS};

use crate::client::{ClientOptions, Http};
use crate::env::Target;
use crate::error::ClientError;
use crate::protocol::{encode, CallerId, Method, Request};
use crate::transport::{Transport, UreqTransport};

/// The koodisto service path.
pub const KOODISTO_SERVICE: &str = "/koodisto-service";

/// The lists the import check uses: [`REQUIRED_LISTS`] (`sukupuoli`, `kieli`,
/// `maatjavaltiot2`).
pub const LISTS: [&str; 3] = REQUIRED_LISTS;

/// `GET {base}/koodisto-service/rest/json/{uri}/koodi?onlyValidKoodis=false`.
///
/// # Example
///
/// ```
/// assert_eq!(
///     onr_client::koodisto::codes_url("https://virkailija.opintopolku.fi", "kieli"),
///     "https://virkailija.opintopolku.fi/koodisto-service/rest/json/kieli/koodi?onlyValidKoodis=false"
/// );
/// ```
pub fn codes_url(base: &str, uri: &str) -> String {
    format!(
        "{}{KOODISTO_SERVICE}/rest/json/{}/koodi?onlyValidKoodis=false",
        base.trim_end_matches('/'),
        encode(uri)
    )
}

/// koodisto's `KoodiType`, the fields read.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct KoodiDto {
    koodi_arvo: String,
    #[serde(default)]
    metadata: Vec<MetadataDto>,
}

#[derive(serde::Deserialize)]
struct MetadataDto {
    kieli: Option<String>,
    nimi: Option<String>,
}

/// Reads a `KoodiType[]` answer into codes, sorted by code (a code listed twice, in two
/// versions, is kept once).
///
/// # Errors
///
/// [`ClientError::Protocol`] for a body that is not such an array, or a code that is empty.
pub fn parse_codes(
    req: &Request,
    body: &crate::protocol::Response,
) -> Result<Vec<FileCode>, ClientError> {
    let dtos: Vec<KoodiDto> = body.json(req)?;
    let mut codes: Vec<FileCode> = Vec::with_capacity(dtos.len());
    for d in dtos {
        if d.koodi_arvo.is_empty() {
            return Err(ClientError::Protocol {
                method: req.method.as_str(),
                path: req.path(),
                detail: "a code with an empty koodiArvo".into(),
            });
        }
        let name = |lang: &str| {
            d.metadata
                .iter()
                .find(|m| {
                    m.kieli
                        .as_deref()
                        .is_some_and(|k| k.eq_ignore_ascii_case(lang))
                })
                .and_then(|m| m.nimi.clone())
                .filter(|n| !n.is_empty())
        };
        codes.push(FileCode {
            fi: name("FI"),
            sv: name("SV"),
            en: name("EN"),
            koodi: d.koodi_arvo,
        });
    }
    codes.sort_by(|a, b| a.koodi.cmp(&b.koodi));
    codes.dedup_by(|a, b| a.koodi == b.koodi);
    Ok(codes)
}

/// Reads koodisto's lists from a base URL (the virkailija host of an environment).
#[derive(Debug)]
pub struct KoodistoReader {
    http: Http,
    base: String,
    timeout: std::time::Duration,
}

impl KoodistoReader {
    /// A reader over the `ureq` transport, with the options' timeouts and resends.
    pub fn new(target: &Target, caller_id: CallerId, options: &ClientOptions) -> KoodistoReader {
        let transport = Box::new(UreqTransport::new(options.connect_timeout));
        KoodistoReader::with_transport(target, caller_id, options, transport)
    }

    /// A reader over any transport.
    pub fn with_transport(
        target: &Target,
        caller_id: CallerId,
        options: &ClientOptions,
        transport: Box<dyn Transport>,
    ) -> KoodistoReader {
        KoodistoReader {
            http: Http::new(transport, caller_id, options.retry),
            base: target.base_url().to_owned(),
            timeout: options.timeout,
        }
    }

    /// One list's codes (a GET, resent on 5xx and I/O errors as every GET).
    ///
    /// # Errors
    ///
    /// [`ClientError::Http`] for an error status, [`ClientError::Protocol`] for an unreadable
    /// body, and the transport's errors.
    pub fn codes(&self, uri: &str) -> Result<Vec<FileCode>, ClientError> {
        let mut req = Request::new(Method::Get, codes_url(&self.base, uri));
        req.timeout = self.timeout;
        let resp = self.http.send(&req)?;
        if !resp.is_success() {
            return Err(resp.to_error(&req));
        }
        parse_codes(&req, &resp)
    }

    /// Every list of [`LISTS`], as a koodisto file stamped with now and the service URL.
    ///
    /// # Errors
    ///
    /// As [`KoodistoReader::codes`]; [`ClientError::Protocol`] when a list comes back empty
    /// (a file without it would be refused).
    pub fn fetch(&self) -> Result<KoodistoFile, ClientError> {
        let mut file = KoodistoFile::new(
            Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
            format!("{}{KOODISTO_SERVICE}", self.base),
        );
        for uri in LISTS {
            let codes = self.codes(uri)?;
            if codes.is_empty() {
                return Err(ClientError::Protocol {
                    method: "GET",
                    path: crate::protocol::path_of(&codes_url(&self.base, uri)),
                    detail: format!("koodisto `{uri}` has no codes"),
                });
            }
            file = file.with_list(uri, codes);
        }
        Ok(file)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::Response;

    #[test]
    fn koodi_type_arrays_are_read_with_names() {
        let req = Request::new(Method::Get, codes_url("https://h", "kieli"));
        let body = r#"[
          {"koodiUri":"kieli_sv","versio":1,"koodiArvo":"SV","tila":"HYVAKSYTTY",
           "koodisto":{"koodistoUri":"kieli"},"voimassaLoppuPvm":null,
           "metadata":[{"nimi":"ruotsi","kieli":"FI"},{"nimi":"svenska","kieli":"SV"},{"nimi":"Swedish","kieli":"EN"}]},
          {"koodiUri":"kieli_fi","koodiArvo":"FI","metadata":[{"nimi":"suomi","kieli":"FI"}]},
          {"koodiUri":"kieli_fi","koodiArvo":"FI","metadata":[]}
        ]"#;
        let codes = parse_codes(&req, &Response::new(200, body)).unwrap();
        assert_eq!(codes.len(), 2);
        assert_eq!(codes[0].koodi, "FI");
        assert_eq!(codes[0].fi.as_deref(), Some("suomi"));
        assert_eq!(codes[1].sv.as_deref(), Some("svenska"));
        assert_eq!(codes[1].en.as_deref(), Some("Swedish"));
        for bad in [
            r#"{"koodiArvo":"FI"}"#,
            r#"[{"koodiArvo":""}]"#,
            r#"[{"koodiUri":"x"}]"#,
        ] {
            let e = parse_codes(&req, &Response::new(200, bad)).unwrap_err();
            assert_eq!(e.code(), "client.protocol", "{bad}");
        }
    }
}
