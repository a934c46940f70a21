//! The HTTP transport: one trait, one implementation over `ureq` with rustls.

use std::io::Read;
use std::time::Duration;

use crate::protocol::{CallerId, Method, Request, Response};
use crate::retry::Outcome;

/// The most bytes of an answer read (an import's results of 10,000 rows fit easily).
pub const MAX_BODY: u64 = 256 << 20;

/// A failure to get any HTTP answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportError {
    /// What happened, for the retry decision.
    pub outcome: Outcome,
    /// A description (no URL query, no headers).
    pub detail: String,
}

/// Sends one request and returns the answer, whatever its status.
pub trait Transport: Send + Sync + std::fmt::Debug {
    /// Sends `req` with the common headers of `caller_id`, following no redirects.
    ///
    /// # Errors
    ///
    /// A [`TransportError`] when no HTTP answer came.
    fn send(&self, req: &Request, caller_id: &CallerId) -> Result<Response, TransportError>;
}

/// The `ureq` transport: blocking, rustls with the Mozilla roots (webpki-roots), no redirects,
/// a connect timeout and an overall timeout on every call.
#[derive(Debug, Clone)]
pub struct UreqTransport {
    agent: ureq::Agent,
}

impl UreqTransport {
    /// A transport whose connections time out after `connect_timeout`.
    pub fn new(connect_timeout: Duration) -> UreqTransport {
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(connect_timeout)
            .redirects(0)
            .user_agent(concat!("onr-client/", env!("CARGO_PKG_VERSION")))
            .build();
        UreqTransport { agent }
    }
}

impl Default for UreqTransport {
    fn default() -> Self {
        UreqTransport::new(Duration::from_secs(10))
    }
}

fn method_str(m: Method) -> &'static str {
    m.as_str()
}

impl Transport for UreqTransport {
    fn send(&self, req: &Request, caller_id: &CallerId) -> Result<Response, TransportError> {
        let mut r = self
            .agent
            .request(method_str(req.method), &req.url)
            .timeout(req.timeout);
        for (n, v) in req.wire_headers(caller_id) {
            r = r.set(&n, &v);
        }
        let (body, _) = req.body.encode();
        let result = if body.is_empty() && req.method == Method::Get {
            r.call()
        } else {
            r.send_bytes(&body)
        };
        let resp = match result {
            Ok(resp) | Err(ureq::Error::Status(_, resp)) => resp,
            Err(ureq::Error::Transport(t)) => return Err(classify(&t)),
        };
        let status = resp.status();
        let headers = resp
            .headers_names()
            .into_iter()
            .flat_map(|n| {
                resp.all(&n)
                    .into_iter()
                    .map(|v| (n.to_ascii_lowercase(), v.to_owned()))
                    .collect::<Vec<_>>()
            })
            .collect();
        let mut bytes = Vec::new();
        if let Err(e) = resp.into_reader().take(MAX_BODY).read_to_end(&mut bytes) {
            return Err(TransportError {
                outcome: io_outcome(&e),
                detail: format!("reading the answer failed: {}", e.kind()),
            });
        }
        Ok(Response {
            status,
            headers,
            body: bytes,
        })
    }
}

fn io_outcome(e: &std::io::Error) -> Outcome {
    match e.kind() {
        std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => Outcome::Timeout,
        _ => Outcome::Broken,
    }
}

fn classify(t: &ureq::Transport) -> TransportError {
    use std::error::Error as _;
    let io = t
        .source()
        .and_then(|s| s.downcast_ref::<std::io::Error>())
        .map(io_outcome);
    let outcome = match t.kind() {
        ureq::ErrorKind::Dns | ureq::ErrorKind::ConnectionFailed => Outcome::ConnectFailed,
        ureq::ErrorKind::Io => io.unwrap_or(Outcome::Broken),
        _ => Outcome::Broken,
    };
    let detail = match outcome {
        Outcome::ConnectFailed => format!("cannot connect ({})", t.kind()),
        Outcome::Timeout => "timed out".to_owned(),
        _ => format!("{}", t.kind()),
    };
    TransportError { outcome, detail }
}
