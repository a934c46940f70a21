//! Authentication behind one trait: CAS v1 service-user login, or OAuth2 client credentials.

use std::time::{Duration, Instant};

use crate::client::Http;
use crate::error::{ClientError, ErrorBody};
use crate::protocol::{self, Body, CookieJar, Method, Request, Response, Urls};
use crate::secret::Secret;

/// How a client proves who it is. The client calls [`Auth::authorize`] before each request,
/// [`Auth::observe`] with each answer, and when [`Auth::is_expired`] says the credentials are
/// gone, [`Auth::invalidate`] and one more try; a second expiry is [`ClientError::Auth`].
pub trait Auth: Send + std::fmt::Debug {
    /// Adds credentials to `req`, logging in first through `http` when there are none.
    ///
    /// # Errors
    ///
    /// [`ClientError::Auth`] when the login fails, or the transport's errors.
    fn authorize(&mut self, req: &mut Request, http: &Http) -> Result<(), ClientError>;
    /// Sees an answer (a renewed session cookie).
    fn observe(&mut self, _resp: &Response) {}
    /// Whether the answer means the credentials are no longer valid.
    fn is_expired(&self, resp: &Response) -> bool;
    /// Forgets the credentials, so that the next [`Auth::authorize`] logs in again.
    fn invalidate(&mut self);
}

fn auth_error(step: &'static str, resp: &Response) -> ClientError {
    ClientError::Auth {
        step,
        status: resp.status,
        body: ErrorBody::parse(&resp.body),
    }
}

/// A CAS service user: `POST /cas/v1/tickets` (TGT), `POST /cas/v1/tickets/{TGT}` (service
/// ticket for ONR), `GET .../j_spring_cas_security_check?ticket=ST` (the `JSESSIONID`).
/// The TGT is kept for 7 h 45 min (CAS keeps it 8 h) and renewed when CAS answers 404 for it;
/// tickets are single use; the session lasts until ONR redirects to `/cas/login` or answers 401.
#[derive(Debug)]
pub struct Cas {
    username: String,
    password: Secret,
    urls: Urls,
    tgt: Option<(Secret, Instant)>,
    jar: CookieJar,
    /// Logins done (for the report and the tests).
    pub logins: u32,
}

/// How long a TGT is used (CAS keeps one 8 h).
pub const TGT_LIFETIME: Duration = Duration::from_secs(7 * 3600 + 45 * 60);

impl Cas {
    /// A CAS service user of the ONR at `base_url`.
    pub fn new(base_url: &str, username: impl Into<String>, password: Secret) -> Cas {
        Cas {
            username: username.into(),
            password,
            urls: Urls::new(base_url),
            tgt: None,
            jar: CookieJar::default(),
            logins: 0,
        }
    }

    fn form(&self, pairs: &[(&str, Secret)]) -> Body {
        Body::Form(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    }

    fn new_tgt(&mut self, http: &Http) -> Result<Secret, ClientError> {
        let mut req = Request::new(Method::Post, self.urls.cas_tickets());
        req.json = false;
        req.body = self.form(&[
            ("username", Secret::new(self.username.clone())),
            ("password", self.password.clone()),
        ]);
        let resp = http.send(&req)?;
        let tgt = protocol::tgt_of(&resp).ok_or_else(|| auth_error("cas.tgt", &resp))?;
        self.tgt = Some((tgt.clone(), Instant::now()));
        Ok(tgt)
    }

    /// Asks CAS for a service ticket with the current TGT (a new one if there is none or it is
    /// old); the answer when there is no ticket in it.
    fn try_ticket(&mut self, http: &Http) -> Result<Result<Secret, Response>, ClientError> {
        let tgt = match &self.tgt {
            Some((t, at)) if at.elapsed() < TGT_LIFETIME => t.clone(),
            _ => self.new_tgt(http)?,
        };
        let mut req = Request::new(
            Method::Post,
            format!("{}/{}", self.urls.cas_tickets(), tgt.expose()),
        );
        req.json = false;
        req.secret_path = true;
        req.body = self.form(&[("service", Secret::new(self.urls.cas_service()))]);
        let resp = http.send(&req)?;
        Ok(protocol::service_ticket_of(&resp).ok_or(resp))
    }

    fn service_ticket(&mut self, http: &Http) -> Result<Secret, ClientError> {
        match self.try_ticket(http)? {
            Ok(st) => Ok(st),
            // 404: the TGT expired; get a new one, once.
            Err(resp) if resp.status == 404 => {
                self.tgt = None;
                self.try_ticket(http)?
                    .map_err(|resp| auth_error("cas.ticket", &resp))
            }
            Err(resp) => Err(auth_error("cas.ticket", &resp)),
        }
    }

    fn login(&mut self, http: &Http) -> Result<(), ClientError> {
        let st = self.service_ticket(http)?;
        let mut req = Request::new(
            Method::Get,
            format!(
                "{}?ticket={}",
                self.urls.cas_service(),
                protocol::encode(st.expose())
            ),
        );
        req.json = false;
        let resp = http.send(&req)?;
        self.jar.clear();
        self.jar.store_response(&resp);
        if self.jar.get("JSESSIONID").is_none() || resp.status >= 400 {
            return Err(auth_error("cas.session", &resp));
        }
        self.logins += 1;
        Ok(())
    }
}

impl Auth for Cas {
    fn authorize(&mut self, req: &mut Request, http: &Http) -> Result<(), ClientError> {
        if self.jar.get("JSESSIONID").is_none() {
            self.login(http)?;
        }
        req.cookies.extend(self.jar.pairs());
        Ok(())
    }

    fn observe(&mut self, resp: &Response) {
        self.jar.store_response(resp);
    }

    fn is_expired(&self, resp: &Response) -> bool {
        resp.is_cas_login_required()
    }

    fn invalidate(&mut self) {
        self.jar.clear();
    }
}

/// An access token with the moment it stops being used.
#[derive(Debug, Clone)]
pub struct Token {
    /// The bearer token.
    pub access_token: Secret,
    /// When to get a new one: `expires_in` minus a margin of 30 s (or a tenth, if shorter).
    pub renew_at: Instant,
}

impl Token {
    /// Reads a token answer (`{"access_token", "expires_in", ...}`) received at `now`.
    ///
    /// # Example
    ///
    /// ```
    /// use std::time::{Duration, Instant};
    /// use onr_client::auth::Token;
    /// let now = Instant::now();
    /// let t = Token::parse(br#"{"access_token":"abc","token_type":"Bearer","expires_in":300}"#, now).unwrap();
    /// assert_eq!(t.renew_at, now + Duration::from_secs(270));
    /// assert!(t.is_valid_at(now + Duration::from_secs(269)));
    /// assert!(!t.is_valid_at(now + Duration::from_secs(270)));
    /// ```
    pub fn parse(body: &[u8], now: Instant) -> Option<Token> {
        #[derive(serde::Deserialize)]
        struct Answer {
            access_token: String,
            expires_in: Option<u64>,
        }
        let a: Answer = serde_json::from_slice(body).ok()?;
        if a.access_token.is_empty() {
            return None;
        }
        let life = Duration::from_secs(a.expires_in.unwrap_or(60));
        let margin = Duration::from_secs(30).min(life / 10);
        Some(Token {
            access_token: Secret::new(a.access_token),
            renew_at: now + life - margin,
        })
    }

    /// Whether the token is still used at `now`.
    pub fn is_valid_at(&self, now: Instant) -> bool {
        now < self.renew_at
    }
}

/// OAuth2 client credentials: `POST {issuer}/oauth2/token` (`grant_type=client_credentials`,
/// `client_id`, `client_secret`); the token is cached until its `expires_in` and renewed once
/// when ONR answers 401 with `WWW-Authenticate: ... invalid_token`.
#[derive(Debug)]
pub struct OAuth2 {
    token_url: String,
    client_id: String,
    client_secret: Secret,
    token: Option<Token>,
    /// Tokens fetched (for the report and the tests).
    pub fetched: u32,
}

impl OAuth2 {
    /// A client of the issuer (`https://qa.otuva.opintopolku.fi/kayttooikeus-service`).
    pub fn new(issuer: &str, client_id: impl Into<String>, client_secret: Secret) -> OAuth2 {
        OAuth2 {
            token_url: format!("{}/oauth2/token", issuer.trim_end_matches('/')),
            client_id: client_id.into(),
            client_secret,
            token: None,
            fetched: 0,
        }
    }
}

impl Auth for OAuth2 {
    fn authorize(&mut self, req: &mut Request, http: &Http) -> Result<(), ClientError> {
        let now = Instant::now();
        let token = match &self.token {
            Some(t) if t.is_valid_at(now) => t.access_token.clone(),
            _ => {
                let mut treq = Request::new(Method::Post, self.token_url.clone());
                treq.body = Body::Form(vec![
                    ("grant_type".into(), Secret::new("client_credentials")),
                    ("client_id".into(), Secret::new(self.client_id.clone())),
                    ("client_secret".into(), self.client_secret.clone()),
                ]);
                let resp = http.send(&treq)?;
                let t = resp
                    .is_success()
                    .then(|| Token::parse(&resp.body, now))
                    .flatten()
                    .ok_or_else(|| auth_error("oauth2.token", &resp))?;
                self.fetched += 1;
                let a = t.access_token.clone();
                self.token = Some(t);
                a
            }
        };
        req.headers.push((
            "Authorization".into(),
            Secret::new(format!("Bearer {}", token.expose())),
        ));
        Ok(())
    }

    fn is_expired(&self, resp: &Response) -> bool {
        resp.is_invalid_token()
    }

    fn invalidate(&mut self) {
        self.token = None;
    }
}
