//! The protocol layer: requests built and responses read without a network.
//!
//! Everything here is a pure function of its input, so that it is tested exhaustively;
//! [`crate::transport`] only moves the bytes.

use std::collections::BTreeMap;
use std::time::Duration;

use crate::error::{ClientError, ErrorBody};
use crate::secret::Secret;

/// ONR's service path.
pub const SERVICE: &str = "/oppijanumerorekisteri-service";
/// The value of the `CSRF` header and cookie (OPH's edge only checks that both are equal).
pub const CSRF: &str = "onr-client";

/// An HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// GET.
    Get,
    /// POST.
    Post,
    /// PUT.
    Put,
}

impl Method {
    /// `GET`, `POST` or `PUT`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
        }
    }
}

/// Whether a request may be sent again after a failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resend {
    /// Idempotent: resend after a 5xx, a timeout or a broken connection.
    Always,
    /// Resend only when the body surely never reached the server (the connection could not be
    /// made); never after a 5xx or a timeout. `PUT /oppija` is such a request: a resend
    /// would make a second import.
    IfNotSent,
}

/// The body of a request.
#[derive(Clone, PartialEq, Eq)]
pub enum Body {
    /// No body.
    Empty,
    /// A JSON body (may hold hetus: never printed).
    Json(String),
    /// An `application/x-www-form-urlencoded` body of name/value pairs (may hold passwords).
    Form(Vec<(String, Secret)>),
}

impl std::fmt::Debug for Body {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Body::Empty => f.write_str("Empty"),
            Body::Json(s) => write!(f, "Json({} bytes)", s.len()),
            Body::Form(p) => {
                let names: Vec<&str> = p.iter().map(|(n, _)| n.as_str()).collect();
                write!(f, "Form({names:?})")
            }
        }
    }
}

impl Body {
    /// The encoded bytes and the content type, if any.
    pub fn encode(&self) -> (Vec<u8>, Option<&'static str>) {
        match self {
            Body::Empty => (Vec::new(), None),
            Body::Json(s) => (s.as_bytes().to_vec(), Some("application/json")),
            Body::Form(pairs) => {
                let text = pairs
                    .iter()
                    .map(|(k, v)| format!("{}={}", encode(k), encode(v.expose())))
                    .collect::<Vec<_>>()
                    .join("&");
                (text.into_bytes(), Some("application/x-www-form-urlencoded"))
            }
        }
    }
}

/// A request, before the common headers and credentials are added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The method.
    pub method: Method,
    /// The absolute URL (query included).
    pub url: String,
    /// Extra headers (credentials are [`Secret`]s).
    pub headers: Vec<(String, Secret)>,
    /// Cookies besides `CSRF` (the session id).
    pub cookies: Vec<(String, Secret)>,
    /// The body.
    pub body: Body,
    /// Whether it may be resent.
    pub resend: Resend,
    /// The overall timeout of this call.
    pub timeout: Duration,
    /// Whether the body is ONR JSON (`Accept: application/json`); false for CAS's text answers.
    pub json: bool,
    /// Whether the path holds a credential (CAS's `/cas/v1/tickets/{TGT}`): errors then show
    /// only the path up to it.
    pub secret_path: bool,
}

impl Request {
    /// A request with no body, resendable, with a 30 s timeout.
    pub fn new(method: Method, url: impl Into<String>) -> Request {
        Request {
            method,
            url: url.into(),
            headers: Vec::new(),
            cookies: Vec::new(),
            body: Body::Empty,
            resend: Resend::Always,
            timeout: Duration::from_secs(30),
            json: true,
            secret_path: false,
        }
    }

    /// The path of the URL, without scheme, host and query (safe to show: no secrets, and
    /// ONR's paths hold OIDs and import ids, never hetus).
    pub fn path(&self) -> String {
        let p = path_of(&self.url);
        if self.secret_path {
            match p.rsplit_once('/') {
                Some((head, _)) => format!("{head}/***"),
                None => "***".to_owned(),
            }
        } else {
            p
        }
    }

    /// Every header the transport sends: `Caller-Id`, `CSRF`, `Accept`, `Content-Type`, the
    /// `Cookie` (always `CSRF=...`, then the session cookies) and the extra headers.
    pub fn wire_headers(&self, caller_id: &CallerId) -> Vec<(String, String)> {
        let mut h = vec![
            ("Caller-Id".to_owned(), caller_id.as_str().to_owned()),
            ("CSRF".to_owned(), CSRF.to_owned()),
        ];
        let mut cookie = format!("CSRF={CSRF}");
        for (n, v) in &self.cookies {
            cookie.push_str(&format!("; {n}={}", v.expose()));
        }
        h.push(("Cookie".to_owned(), cookie));
        h.push((
            "Accept".to_owned(),
            if self.json { "application/json" } else { "*/*" }.to_owned(),
        ));
        if let (_, Some(ct)) = self.body.encode() {
            h.push(("Content-Type".to_owned(), ct.to_owned()));
        }
        for (n, v) in &self.headers {
            h.push((n.clone(), v.expose().to_owned()));
        }
        h
    }
}

/// A response.
#[derive(Clone, PartialEq, Eq)]
pub struct Response {
    /// The status.
    pub status: u16,
    /// The headers, names lower-cased, in order (repeated names kept: `set-cookie`).
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl std::fmt::Debug for Response {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.headers.iter().map(|(n, _)| n.as_str()).collect();
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("headers", &names)
            .field("body_bytes", &self.body.len())
            .finish()
    }
}

impl Response {
    /// A response with a status and a body, no headers.
    pub fn new(status: u16, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body: body.into(),
        }
    }

    /// Adds a header (builder style).
    pub fn with_header(mut self, name: &str, value: &str) -> Response {
        self.headers
            .push((name.to_ascii_lowercase(), value.to_owned()));
        self
    }

    /// The first value of a header (name case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a header.
    pub fn header_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether the status is 2xx.
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// Whether the answer says the CAS session is gone: a redirect to CAS's login page, or 401.
    pub fn is_cas_login_required(&self) -> bool {
        self.status == 401
            || ((300..400).contains(&self.status)
                && self
                    .header("location")
                    .is_some_and(|l| l.contains("/cas/login")))
    }

    /// Whether the answer says an OAuth2 bearer token is no longer valid: 401 with
    /// `WWW-Authenticate` naming `invalid_token`.
    pub fn is_invalid_token(&self) -> bool {
        self.status == 401
            && self
                .header_all("www-authenticate")
                .any(|v| v.contains("invalid_token"))
    }

    /// The body as JSON of type `T`, or [`ClientError::Protocol`].
    pub fn json<T: serde::de::DeserializeOwned>(&self, req: &Request) -> Result<T, ClientError> {
        serde_json::from_slice(&self.body).map_err(|e| ClientError::Protocol {
            method: req.method.as_str(),
            path: req.path(),
            // serde_json's message names the position and the expected type, never the value.
            detail: format!(
                "body is not the expected JSON: {}",
                strip_serde_value(&e.to_string())
            ),
        })
    }

    /// This (error) answer as [`ClientError::Http`].
    pub fn to_error(&self, req: &Request) -> ClientError {
        ClientError::Http {
            method: req.method.as_str(),
            path: req.path(),
            status: self.status,
            body: ErrorBody::parse(&self.body),
        }
    }
}

/// serde_json can quote a value in a message (`invalid type: string "010101-123N"`): drop
/// everything between quotes.
pub(crate) fn strip_serde_value(msg: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in msg.chars() {
        if c == '"' {
            inside = !inside;
            if inside {
                out.push_str("\"...\"");
            }
        } else if !inside {
            out.push(c);
        }
    }
    out
}

/// The path part of a URL (no scheme, host or query).
pub fn path_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let path = rest.find('/').map_or("/", |i| &rest[i..]);
    path.split(['?', '#']).next().unwrap_or("/").to_owned()
}

/// A validated `Caller-Id`: the characters OPH's edge accepts, `A-Z a-z 0-9 . - ( )`, not empty.
///
/// # Example
///
/// ```
/// use onr_client::CallerId;
/// assert!(CallerId::new("1.2.246.562.10.00000000001.my-sis").is_ok());
/// assert_eq!(CallerId::new("my sis").unwrap_err().code(), "client.caller_id");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallerId(String);

impl CallerId {
    /// Validates a Caller-Id.
    ///
    /// # Errors
    ///
    /// [`ClientError::CallerId`] for an empty value or any other character.
    pub fn new(value: &str) -> Result<CallerId, ClientError> {
        if !value.is_empty()
            && value
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '(' | ')'))
        {
            Ok(CallerId(value.to_owned()))
        } else {
            Err(ClientError::CallerId)
        }
    }

    /// The value.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Cookies a server set, by name (the last value wins; `Max-Age=0` or an empty value deletes).
/// Values are [`Secret`]s: a session id is a credential.
///
/// # Example
///
/// ```
/// use onr_client::protocol::CookieJar;
/// let mut jar = CookieJar::default();
/// jar.store("JSESSIONID=abc; Path=/oppijanumerorekisteri-service; HttpOnly");
/// assert_eq!(jar.get("JSESSIONID").map(|s| s.expose()), Some("abc"));
/// jar.store("JSESSIONID=; Max-Age=0");
/// assert!(jar.get("JSESSIONID").is_none());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CookieJar {
    cookies: BTreeMap<String, Secret>,
}

impl CookieJar {
    /// Stores one `Set-Cookie` value; a malformed one (no `name=`) is ignored.
    pub fn store(&mut self, set_cookie: &str) {
        let mut parts = set_cookie.split(';');
        let Some((name, value)) = parts.next().and_then(|p| p.split_once('=')) else {
            return;
        };
        let name = name.trim();
        if name.is_empty() || name.contains([' ', ',', '\t']) {
            return;
        }
        let value = value.trim().trim_matches('"');
        let expired = parts.any(|a| {
            let a = a.trim();
            a.len() >= 8
                && a[..8].eq_ignore_ascii_case("max-age=")
                && a[8..].trim().parse::<i64>().is_ok_and(|n| n <= 0)
        });
        if expired || value.is_empty() {
            self.cookies.remove(name);
        } else {
            self.cookies.insert(name.to_owned(), Secret::new(value));
        }
    }

    /// Stores every `Set-Cookie` of a response.
    pub fn store_response(&mut self, resp: &Response) {
        for v in resp.header_all("set-cookie") {
            self.store(v);
        }
    }

    /// A cookie's value.
    pub fn get(&self, name: &str) -> Option<&Secret> {
        self.cookies.get(name)
    }

    /// Every cookie, by name.
    pub fn pairs(&self) -> Vec<(String, Secret)> {
        self.cookies
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// Forgets every cookie.
    pub fn clear(&mut self) {
        self.cookies.clear();
    }
}

/// Percent-encodes a query or form value (everything but `A-Z a-z 0-9 - . _ ~`).
///
/// # Example
///
/// ```
/// assert_eq!(onr_client::protocol::encode("2024-01-01T00:00:00+02:00"), "2024-01-01T00%3A00%3A00%2B02%3A00");
/// ```
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The URLs of ONR's service API.
///
/// # Example
///
/// ```
/// let u = onr_client::protocol::Urls::new("https://virkailija.testiopintopolku.fi");
/// assert_eq!(u.import_status(7), "https://virkailija.testiopintopolku.fi/oppijanumerorekisteri-service/oppija/tuonti=7/perustiedot");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Urls {
    base: String,
}

impl Urls {
    /// The URLs under a base URL (no trailing slash).
    pub fn new(base: &str) -> Urls {
        Urls {
            base: base.trim_end_matches('/').to_owned(),
        }
    }

    /// The base URL.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// `PUT /oppija`: a new import.
    pub fn import(&self) -> String {
        format!("{}{SERVICE}/oppija", self.base)
    }

    /// `GET /oppija/tuonti={id}` (results) and `POST` (restart).
    pub fn import_results(&self, id: i64) -> String {
        format!("{}{SERVICE}/oppija/tuonti={id}", self.base)
    }

    /// `GET /oppija/tuonti={id}/perustiedot`: progress.
    pub fn import_status(&self, id: i64) -> String {
        format!("{}{SERVICE}/oppija/tuonti={id}/perustiedot", self.base)
    }

    /// `GET /oppija/muuttuneet?muokattuJalkeen=T&page=P&count=N`.
    pub fn changed(&self, since: &str, page: u32, count: u32) -> String {
        format!(
            "{}{SERVICE}/oppija/muuttuneet?muokattuJalkeen={}&page={page}&count={count}",
            self.base,
            encode(since)
        )
    }

    /// CAS: `POST /cas/v1/tickets` (a TGT).
    pub fn cas_tickets(&self) -> String {
        format!("{}/cas/v1/tickets", self.base)
    }

    /// The CAS service of ONR.
    pub fn cas_service(&self) -> String {
        format!("{}{SERVICE}/j_spring_cas_security_check", self.base)
    }
}

/// The TGT of a CAS `201 Created` answer: the last path segment of `Location`.
///
/// # Example
///
/// ```
/// use onr_client::protocol::{tgt_of, Response};
/// let r = Response::new(201, "").with_header("Location", "https://x/cas/v1/tickets/TGT-1-abc");
/// assert_eq!(tgt_of(&r).map(|s| s.expose().to_owned()), Some("TGT-1-abc".to_owned()));
/// ```
pub fn tgt_of(resp: &Response) -> Option<Secret> {
    if resp.status != 201 {
        return None;
    }
    let loc = resp.header("location")?;
    let last = loc.trim_end_matches('/').rsplit('/').next()?;
    (!last.is_empty()).then(|| Secret::new(last))
}

/// The service ticket of a CAS answer (`200`, the ticket as text).
pub fn service_ticket_of(resp: &Response) -> Option<Secret> {
    if resp.status != 200 {
        return None;
    }
    let t = String::from_utf8_lossy(&resp.body).trim().to_owned();
    (!t.is_empty() && !t.contains(char::is_whitespace)).then(|| Secret::new(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn wire_headers_on_every_request() {
        let mut r = Request::new(
            Method::Put,
            "https://h/oppijanumerorekisteri-service/oppija",
        );
        r.body = Body::Json("{}".into());
        r.cookies.push(("JSESSIONID".into(), Secret::new("s1")));
        let h = r.wire_headers(&CallerId::new("a.b-c(d)").unwrap());
        let get = |n: &str| h.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
        assert_eq!(get("Caller-Id"), Some("a.b-c(d)"));
        assert_eq!(get("CSRF"), Some(CSRF));
        assert_eq!(get("Cookie"), Some("CSRF=onr-client; JSESSIONID=s1"));
        assert_eq!(get("Accept"), Some("application/json"));
        assert_eq!(get("Content-Type"), Some("application/json"));
        let g = Request::new(Method::Get, "https://h/x").wire_headers(&CallerId::new("x").unwrap());
        assert!(g
            .iter()
            .any(|(k, v)| k == "Cookie" && v == "CSRF=onr-client"));
        assert!(!g.iter().any(|(k, _)| k == "Content-Type"));
    }

    #[test]
    fn debug_of_requests_and_bodies_hides_secrets_and_hetus() {
        let mut r = Request::new(Method::Post, "https://h/cas/v1/tickets");
        r.body = Body::Form(vec![("password".into(), Secret::new("pw-123"))]);
        r.headers
            .push(("Authorization".into(), Secret::new("Bearer tok-9")));
        r.cookies.push(("JSESSIONID".into(), Secret::new("sess-7")));
        let d = format!("{r:?}");
        for s in ["pw-123", "tok-9", "sess-7"] {
            assert!(!d.contains(s), "{d}");
        }
        let j = Body::Json(r#"{"hetu":"010101A900R"}"#.into());
        assert!(!format!("{j:?}").contains("010101"));
        let resp = Response::new(200, "010101A900R").with_header("Set-Cookie", "JSESSIONID=sess-7");
        assert!(!format!("{resp:?}").contains("sess-7"));
        assert!(!format!("{resp:?}").contains("010101"));
    }

    #[test]
    fn protocol_errors_do_not_quote_values() {
        let req = Request::new(Method::Get, "https://h/x?secret=1");
        let resp = Response::new(200, r#"{"id":"010101A900R"}"#);
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            id: i64,
        }
        let e = resp.json::<T>(&req).unwrap_err();
        let s = format!("{e} {e:?}");
        assert!(!s.contains("010101") && !s.contains("secret"), "{s}");
        assert_eq!(e.code(), "client.protocol");
    }

    #[test]
    fn caller_ids() {
        for ok in ["1.2.246.562.10.00000000001.sis", "A-b.c(1)"] {
            assert!(CallerId::new(ok).is_ok(), "{ok}");
        }
        for bad in ["", "a b", "a_b", "ä", "a/b", "a,b", "a\n"] {
            assert_eq!(CallerId::new(bad), Err(ClientError::CallerId), "{bad:?}");
        }
    }

    #[test]
    fn session_expiry_signals() {
        let redirect =
            Response::new(302, "").with_header("Location", "https://h/cas/login?service=x");
        assert!(redirect.is_cas_login_required());
        assert!(Response::new(401, "").is_cas_login_required());
        let other = Response::new(302, "").with_header("Location", "https://h/elsewhere");
        assert!(!other.is_cas_login_required());
        assert!(!Response::new(403, "").is_cas_login_required());
        let inv = Response::new(401, "")
            .with_header("WWW-Authenticate", r#"Bearer error="invalid_token""#);
        assert!(inv.is_invalid_token());
        assert!(!Response::new(401, "").is_invalid_token());
    }

    #[test]
    fn cas_answers() {
        assert!(tgt_of(&Response::new(200, "").with_header("Location", "x/TGT-1")).is_none());
        assert!(tgt_of(&Response::new(201, "")).is_none());
        assert_eq!(
            service_ticket_of(&Response::new(200, " ST-1-x\n"))
                .unwrap()
                .expose(),
            "ST-1-x"
        );
        assert!(service_ticket_of(&Response::new(404, "ST")).is_none());
        assert!(service_ticket_of(&Response::new(200, "<html> login")).is_none());
    }

    #[test]
    fn paths() {
        assert_eq!(path_of("https://h:8/a/b?c=d"), "/a/b");
        assert_eq!(path_of("http://h"), "/");
    }

    proptest! {
        #[test]
        fn cookie_jar_keeps_the_last_live_value(
            ops in proptest::collection::vec(("[A-Z]{1,3}", "[a-z0-9]{0,4}", any::<bool>()), 0..30)
        ) {
            let mut jar = CookieJar::default();
            let mut model: BTreeMap<String, String> = BTreeMap::new();
            for (name, value, expire) in &ops {
                let attrs = if *expire { "; Max-Age=0" } else { "; Path=/; HttpOnly" };
                jar.store(&format!("{name}={value}{attrs}"));
                if *expire || value.is_empty() { model.remove(name); } else { model.insert(name.clone(), value.clone()); }
            }
            let got: BTreeMap<String, String> = jar.pairs().into_iter().map(|(k, v)| (k, v.expose().to_owned())).collect();
            prop_assert_eq!(got, model);
        }

        #[test]
        fn cookie_header_always_starts_with_csrf(
            names in proptest::collection::vec("[A-Z]{1,5}", 0..5)
        ) {
            let mut r = Request::new(Method::Get, "https://h/x");
            for n in &names { r.cookies.push((n.clone(), Secret::new("v"))); }
            let h = r.wire_headers(&CallerId::new("c").unwrap());
            let cookie = &h.iter().find(|(k, _)| k == "Cookie").unwrap().1;
            prop_assert!(cookie.starts_with("CSRF=onr-client"));
            prop_assert_eq!(cookie.matches("; ").count(), names.len());
        }

        #[test]
        fn encode_round_trips(s in "\\PC{0,20}") {
            let e = encode(&s);
            prop_assert!(e.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)));
            let mut bytes = Vec::new();
            let eb = e.as_bytes();
            let mut i = 0;
            while i < eb.len() {
                if eb[i] == b'%' { bytes.push(u8::from_str_radix(&e[i+1..i+3], 16).unwrap()); i += 3; } else { bytes.push(eb[i]); i += 1; }
            }
            prop_assert_eq!(String::from_utf8(bytes).unwrap(), s);
        }

        #[test]
        fn caller_id_accepts_exactly_the_edge_characters(s in "\\PC{0,12}") {
            let ok = !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || ".-()".contains(c));
            prop_assert_eq!(CallerId::new(&s).is_ok(), ok);
        }
    }
}
