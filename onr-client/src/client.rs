//! [`Client`]: authenticated, retried calls to ONR.

use std::sync::Mutex;
use std::time::Duration;

use crate::auth::{Auth, Cas, OAuth2};
use crate::env::Target;
use crate::error::ClientError;
use crate::protocol::{CallerId, Method, Request, Resend, Response, Urls};
use crate::retry::{Decision, Outcome, RetryPolicy};
use crate::secret::Secret;
use crate::transport::{Transport, TransportError, UreqTransport};

/// The transport with the caller's identity and the retry policy: what the authenticators log
/// in through and what every call goes through.
#[derive(Debug)]
pub struct Http {
    transport: Box<dyn Transport>,
    caller_id: CallerId,
    retry: RetryPolicy,
}

impl Http {
    /// The parts.
    pub fn new(transport: Box<dyn Transport>, caller_id: CallerId, retry: RetryPolicy) -> Http {
        Http {
            transport,
            caller_id,
            retry,
        }
    }

    /// Sends a request, resending it as [`RetryPolicy::decide`] says; returns whatever HTTP
    /// answer came last.
    ///
    /// # Errors
    ///
    /// [`ClientError::Timeout`], [`ClientError::Io`] or, for a request that must not be
    /// resent and may have arrived, [`ClientError::Unconfirmed`].
    pub fn send(&self, req: &Request) -> Result<Response, ClientError> {
        let mut attempt = 0;
        loop {
            let (outcome, result) = match self.transport.send(req, &self.caller_id) {
                Ok(resp) => (Outcome::Status(resp.status), Ok(resp)),
                Err(e) => (e.outcome, Err(e)),
            };
            match self.retry.decide(req.resend, attempt, outcome) {
                Decision::Retry(wait) => {
                    std::thread::sleep(wait);
                    attempt += 1;
                }
                Decision::Stop => return result.map_err(|e| transport_error(req, e)),
            }
        }
    }
}

fn transport_error(req: &Request, e: TransportError) -> ClientError {
    let (method, path) = (req.method.as_str(), req.path());
    match (e.outcome, req.resend) {
        (Outcome::Timeout | Outcome::Broken, Resend::IfNotSent) => ClientError::Unconfirmed {
            method,
            path,
            detail: e.detail,
        },
        (Outcome::Timeout, _) => ClientError::Timeout { method, path },
        _ => ClientError::Io {
            method,
            path,
            detail: e.detail,
        },
    }
}

/// How a client logs in.
#[derive(Debug, Clone)]
pub enum Credentials {
    /// A CAS service user.
    Cas {
        /// The user name.
        username: String,
        /// The password.
        password: Secret,
    },
    /// OAuth2 client credentials.
    OAuth2 {
        /// The client id.
        client_id: String,
        /// The client secret.
        client_secret: Secret,
        /// The issuer; `None` for the target's own.
        issuer: Option<String>,
    },
}

impl Credentials {
    /// Reads credentials from environment-style variables, through `get`:
    /// `ONR_CAS_USERNAME` + `ONR_CAS_PASSWORD`, or `ONR_OAUTH2_CLIENT_ID` +
    /// `ONR_OAUTH2_CLIENT_SECRET` (+ optional `ONR_OAUTH2_ISSUER`).
    ///
    /// # Example
    ///
    /// ```
    /// use onr_client::Credentials;
    /// let vars = [("ONR_CAS_USERNAME", "u"), ("ONR_CAS_PASSWORD", "p")];
    /// let c = Credentials::from_vars(|k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())).unwrap();
    /// assert!(matches!(c, Credentials::Cas { .. }));
    /// assert!(!format!("{c:?}").contains("\"p\""));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ClientError::Config`] when neither pair is complete.
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Result<Credentials, ClientError> {
        if let (Some(id), Some(secret)) =
            (get("ONR_OAUTH2_CLIENT_ID"), get("ONR_OAUTH2_CLIENT_SECRET"))
        {
            return Ok(Credentials::OAuth2 {
                client_id: id,
                client_secret: Secret::new(secret),
                issuer: get("ONR_OAUTH2_ISSUER"),
            });
        }
        if let (Some(u), Some(p)) = (get("ONR_CAS_USERNAME"), get("ONR_CAS_PASSWORD")) {
            return Ok(Credentials::Cas {
                username: u,
                password: Secret::new(p),
            });
        }
        Err(ClientError::Config(
            "no credentials: set ONR_CAS_USERNAME and ONR_CAS_PASSWORD, or ONR_OAUTH2_CLIENT_ID and ONR_OAUTH2_CLIENT_SECRET".into(),
        ))
    }

    /// Reads `KEY=VALUE` lines (the variable names of [`Credentials::from_vars`]; `#` starts a
    /// comment) from the text of a credentials file.
    ///
    /// # Errors
    ///
    /// [`ClientError::Config`] when the file has neither pair.
    pub fn from_file_text(text: &str) -> Result<Credentials, ClientError> {
        let pairs: Vec<(String, String)> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('='))
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
            .collect();
        Credentials::from_vars(|k| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()))
    }

    /// The credentials a front end is given: the file at `path` ([`Credentials::from_file_text`])
    /// when there is one, else the process's environment variables
    /// ([`Credentials::from_vars`]).
    ///
    /// # Errors
    ///
    /// [`ClientError::Config`] when the file cannot be read (the message names the path and
    /// the kind of I/O error, never the contents) or the credentials are incomplete.
    ///
    /// # Example
    ///
    /// ```
    /// use onr_client::Credentials;
    /// let e = Credentials::from_file_or_env(Some("/no/such/credentials".as_ref())).unwrap_err();
    /// assert_eq!(e.code(), "client.config");
    /// ```
    pub fn from_file_or_env(path: Option<&std::path::Path>) -> Result<Credentials, ClientError> {
        match path {
            Some(path) => {
                let text = std::fs::read_to_string(path).map_err(|e| {
                    ClientError::Config(format!("cannot read {}: {}", path.display(), e.kind()))
                })?;
                Credentials::from_file_text(&text)
            }
            None => Credentials::from_vars(|k| std::env::var(k).ok()),
        }
    }
}

/// Options of a [`Client`].
#[derive(Debug, Clone)]
pub struct ClientOptions {
    /// The timeout of each call (30 s).
    pub timeout: Duration,
    /// The timeout of `PUT /oppija` (120 s: ONR validates the whole body before it answers).
    pub import_timeout: Duration,
    /// The connect timeout (10 s).
    pub connect_timeout: Duration,
    /// Resends.
    pub retry: RetryPolicy,
}

impl ClientOptions {
    /// The default timeout of each call (30 s), which every front end offers as its default.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            timeout: ClientOptions::DEFAULT_TIMEOUT,
            import_timeout: Duration::from_secs(120),
            connect_timeout: Duration::from_secs(10),
            retry: RetryPolicy::default(),
        }
    }
}

/// A client of one ONR: authenticated calls with the common headers, retried where safe.
///
/// # Example
///
/// ```
/// use onr_client::{CallerId, Client, Credentials, Secret, Target};
/// let client = Client::new(
///     Target::Qa,
///     CallerId::new("1.2.246.562.10.00000000001.my-sis")?,
///     Credentials::Cas { username: "u".into(), password: Secret::new("p") },
///     Default::default(),
/// );
/// assert_eq!(client.target().base_url(), "https://virkailija.testiopintopolku.fi");
/// # Ok::<(), onr_client::ClientError>(())
/// ```
#[derive(Debug)]
pub struct Client {
    http: Http,
    auth: Mutex<Box<dyn Auth>>,
    target: Target,
    urls: Urls,
    options: ClientOptions,
}

impl Client {
    /// A client over the `ureq` transport.
    pub fn new(
        target: Target,
        caller_id: CallerId,
        credentials: Credentials,
        options: ClientOptions,
    ) -> Client {
        let transport = Box::new(UreqTransport::new(options.connect_timeout));
        Client::with_transport(target, caller_id, credentials, options, transport)
    }

    /// A client over any transport.
    pub fn with_transport(
        target: Target,
        caller_id: CallerId,
        credentials: Credentials,
        options: ClientOptions,
        transport: Box<dyn Transport>,
    ) -> Client {
        let auth: Box<dyn Auth> = match credentials {
            Credentials::Cas { username, password } => {
                Box::new(Cas::new(target.base_url(), username, password))
            }
            Credentials::OAuth2 {
                client_id,
                client_secret,
                issuer,
            } => Box::new(OAuth2::new(
                &issuer.unwrap_or_else(|| target.oauth2_issuer()),
                client_id,
                client_secret,
            )),
        };
        Client::with_auth(target, caller_id, auth, options, transport)
    }

    /// A client with its own authenticator.
    pub fn with_auth(
        target: Target,
        caller_id: CallerId,
        auth: Box<dyn Auth>,
        options: ClientOptions,
        transport: Box<dyn Transport>,
    ) -> Client {
        Client {
            http: Http::new(transport, caller_id, options.retry),
            auth: Mutex::new(auth),
            urls: Urls::new(target.base_url()),
            target,
            options,
        }
    }

    /// The target.
    pub fn target(&self) -> &Target {
        &self.target
    }

    /// The URLs.
    pub fn urls(&self) -> &Urls {
        &self.urls
    }

    /// The options.
    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    /// A request with the client's timeout.
    pub fn request(&self, method: Method, url: String) -> Request {
        let mut r = Request::new(method, url);
        r.timeout = self.options.timeout;
        r
    }

    /// Sends an authenticated request: credentials added, a session or token expiry answered
    /// by one fresh login and one more try; returns a 2xx answer.
    ///
    /// # Errors
    ///
    /// [`ClientError::Auth`] for a login failure or a second expiry (or a plain 401: missing
    /// rights), [`ClientError::Http`] for another error status, and the transport's errors.
    pub fn call(&self, req: &Request) -> Result<Response, ClientError> {
        let lock = || self.auth.lock().unwrap_or_else(|p| p.into_inner());
        let mut fresh = false;
        loop {
            let mut r = req.clone();
            // The lock is held while logging in, not during the call itself: calls of one
            // client from several threads run side by side.
            lock().authorize(&mut r, &self.http)?;
            let resp = self.http.send(&r)?;
            let expired = {
                let mut auth = lock();
                auth.observe(&resp);
                let expired = auth.is_expired(&resp);
                if expired && !fresh {
                    auth.invalidate();
                }
                expired
            };
            if expired {
                if fresh {
                    return Err(ClientError::Auth {
                        step: "request",
                        status: resp.status,
                        body: crate::error::ErrorBody::parse(&resp.body),
                    });
                }
                fresh = true;
                continue;
            }
            if resp.is_success() {
                return Ok(resp);
            }
            if resp.status == 401 {
                return Err(ClientError::Auth {
                    step: "request",
                    status: 401,
                    body: crate::error::ErrorBody::parse(&resp.body),
                });
            }
            return Err(resp.to_error(req));
        }
    }

    /// An authenticated GET of JSON.
    ///
    /// # Errors
    ///
    /// As [`Client::call`], and [`ClientError::Protocol`] for an unreadable body.
    pub fn get_json<T: serde::de::DeserializeOwned>(&self, url: String) -> Result<T, ClientError> {
        let req = self.request(Method::Get, url);
        self.call(&req)?.json(&req)
    }
}
