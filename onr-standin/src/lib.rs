//! **A TEST STAND-IN for ONR, not ONR.** A real HTTP server on 127.0.0.1 that answers with
//! what a test scripted: per route a list of replies (the last one repeats) or a handler
//! closure. It knows none of ONR's rules; the only checks it makes are those of OPH's edge
//! (a `Caller-Id` of the allowed characters, a `CSRF` header equal to the `CSRF` cookie,
//! else 403), and those only when asked.
//!
//! Every request is recorded (method, URL, headers, body) for the test to look at, and each is
//! answered on its own thread, so that a slow reply does not hold up the next request.
//!
//! ```
//! use onr_standin::{Reply, StandIn};
//! let s = StandIn::builder().route("GET", "/ping", [Reply::text(200, "pong")]).start();
//! assert!(s.base_url().starts_with("http://127.0.0.1:"));
//! ```

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// One scripted reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// The status.
    pub status: u16,
    /// The headers.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: String,
    /// A wait before answering (a slow server).
    pub delay: Duration,
    /// Close the connection in the middle of the answer instead of answering.
    pub drop_connection: bool,
}

impl Reply {
    /// A JSON reply.
    pub fn json(status: u16, body: impl Into<String>) -> Reply {
        Reply::text(status, body).header("Content-Type", "application/json")
    }

    /// A plain-text reply.
    pub fn text(status: u16, body: impl Into<String>) -> Reply {
        Reply {
            status,
            headers: Vec::new(),
            body: body.into(),
            delay: Duration::ZERO,
            drop_connection: false,
        }
    }

    /// A reply that closes the connection after half a status line.
    pub fn dropped() -> Reply {
        Reply {
            drop_connection: true,
            ..Reply::text(200, "")
        }
    }

    /// A redirect to CAS's login page (an expired session).
    pub fn cas_login() -> Reply {
        Reply::text(302, "").header("Location", "/cas/login?service=x")
    }

    /// Adds a header.
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Waits before answering.
    pub fn after(mut self, delay: Duration) -> Reply {
        self.delay = delay;
        self
    }
}

/// A request the stand-in received.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// The method.
    pub method: String,
    /// The URL: path and query.
    pub url: String,
    /// The headers, names lower-cased.
    pub headers: Vec<(String, String)>,
    /// The body.
    pub body: String,
}

impl Recorded {
    /// The path, without the query.
    pub fn path(&self) -> &str {
        self.url.split('?').next().unwrap_or("")
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.headers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// A cookie's value.
    pub fn cookie(&self, name: &str) -> Option<&str> {
        self.header("cookie")?.split(';').find_map(|c| {
            let (n, v) = c.trim().split_once('=')?;
            (n == name).then_some(v)
        })
    }

    /// A query parameter's (still encoded) value.
    pub fn query(&self, name: &str) -> Option<&str> {
        self.url.split_once('?')?.1.split('&').find_map(|p| {
            let (n, v) = p.split_once('=')?;
            (n == name).then_some(v)
        })
    }
}

/// A handler: the reply to a request, given everything received so far (this one last).
pub type Handler = Arc<dyn Fn(&Recorded, &[Recorded]) -> Reply + Send + Sync>;

enum Answer {
    Script(Vec<Reply>, usize),
    Handler(Handler),
}

struct Route {
    method: String,
    pattern: String,
    answer: Answer,
}

impl Route {
    fn matches(&self, r: &Recorded) -> bool {
        if self.method != r.method {
            return false;
        }
        let target = if self.pattern.contains('?') {
            r.url.as_str()
        } else {
            r.path()
        };
        match self.pattern.strip_suffix('*') {
            Some(prefix) => target.starts_with(prefix),
            None => target == self.pattern,
        }
    }
}

/// Builds a [`StandIn`].
#[derive(Default)]
pub struct Builder {
    routes: Vec<Route>,
    edge: bool,
}

impl std::fmt::Debug for Builder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Builder")
            .field("routes", &self.routes.len())
            .finish()
    }
}

impl Builder {
    /// Replies to `method pattern` in order, the last one repeating. The pattern is a path
    /// (the query is ignored), a path and query (with `?`), or a prefix ending in `*`.
    pub fn route(
        mut self,
        method: &str,
        pattern: &str,
        replies: impl IntoIterator<Item = Reply>,
    ) -> Builder {
        let replies: Vec<Reply> = replies.into_iter().collect();
        assert!(!replies.is_empty(), "a route needs at least one reply");
        self.routes.push(Route {
            method: method.to_owned(),
            pattern: pattern.to_owned(),
            answer: Answer::Script(replies, 0),
        });
        self
    }

    /// Answers `method pattern` with a handler.
    pub fn handler(
        mut self,
        method: &str,
        pattern: &str,
        f: impl Fn(&Recorded, &[Recorded]) -> Reply + Send + Sync + 'static,
    ) -> Builder {
        self.routes.push(Route {
            method: method.to_owned(),
            pattern: pattern.to_owned(),
            answer: Answer::Handler(Arc::new(f)),
        });
        self
    }

    /// Adds CAS v1: a TGT (`TGT-n`) for the form `username=svc&password=pw`, else 401; a
    /// service ticket (`ST-n`) for any live TGT, 404 for another; and a `JSESSIONID=session-n`
    /// cookie at `j_spring_cas_security_check` for a ticket given out and not yet used.
    pub fn cas(self, username: &str, password: &str) -> Builder {
        let form = format!("username={username}&password={password}");
        let state = Arc::new(Mutex::new(CasState::default()));
        let (s1, s2, s3) = (state.clone(), state.clone(), state);
        self.handler("POST", "/cas/v1/tickets", move |r, _| {
            if r.body != form {
                return Reply::text(401, "bad credentials");
            }
            let mut s = s1.lock().unwrap_or_else(|p| p.into_inner());
            s.n += 1;
            let tgt = format!("TGT-{}", s.n);
            s.tgts.push(tgt.clone());
            Reply::text(201, "").header("Location", &format!("/cas/v1/tickets/{tgt}"))
        })
        .handler("POST", "/cas/v1/tickets/TGT-*", move |r, _| {
            let mut s = s2.lock().unwrap_or_else(|p| p.into_inner());
            let tgt = r.path().rsplit('/').next().unwrap_or("").to_owned();
            if !s.tgts.contains(&tgt) || !r.body.starts_with("service=") {
                return Reply::text(404, "TGT not found");
            }
            s.n += 1;
            let st = format!("ST-{}", s.n);
            s.tickets.push(st.clone());
            Reply::text(200, st)
        })
        .handler("GET", "/oppijanumerorekisteri-service/j_spring_cas_security_check", move |r, _| {
            let mut s = s3.lock().unwrap_or_else(|p| p.into_inner());
            let ticket = r.query("ticket").unwrap_or("").to_owned();
            match s.tickets.iter().position(|t| *t == ticket) {
                Some(i) => {
                    s.tickets.remove(i);
                    s.n += 1;
                    Reply::text(302, "")
                        .header("Location", "/oppijanumerorekisteri-service/")
                        .header(
                            "Set-Cookie",
                            &format!("JSESSIONID=session-{}; Path=/oppijanumerorekisteri-service; HttpOnly", s.n),
                        )
                }
                None => Reply::cas_login(),
            }
        })
    }

    /// Adds an OAuth2 token endpoint at `/kayttooikeus-service/oauth2/token` giving `token-n`
    /// (valid `expires_in` seconds) for the right client credentials, else 401.
    pub fn oauth2(self, client_id: &str, client_secret: &str, expires_in: u64) -> Builder {
        let form = format!(
            "grant_type=client_credentials&client_id={client_id}&client_secret={client_secret}"
        );
        let n = Arc::new(Mutex::new(0u32));
        self.handler("POST", "/kayttooikeus-service/oauth2/token", move |r, _| {
            if r.body != form {
                return Reply::json(401, r#"{"error":"invalid_client"}"#);
            }
            let mut n = n.lock().unwrap_or_else(|p| p.into_inner());
            *n += 1;
            Reply::json(
                200,
                format!(r#"{{"access_token":"token-{n}","token_type":"Bearer","expires_in":{expires_in}}}"#),
            )
        })
    }

    /// Checks what OPH's edge checks on every request: a `Caller-Id` header of `A-Z a-z 0-9 .
    /// - ( )`, and a `CSRF` header equal to the `CSRF` cookie; else 403.
    pub fn edge_checks(mut self) -> Builder {
        self.edge = true;
        self
    }

    /// Starts the server on a free port of 127.0.0.1.
    pub fn start(self) -> StandIn {
        self.start_on("0")
    }

    /// Starts the server on a port of 127.0.0.1 (`"0"`: a free one).
    pub fn start_on(self, port: &str) -> StandIn {
        let server =
            Arc::new(tiny_http::Server::http(format!("127.0.0.1:{port}")).expect("bind 127.0.0.1"));
        let port = server.server_addr().to_ip().map(|a| a.port()).unwrap_or(0);
        let log: Arc<Mutex<Vec<Recorded>>> = Arc::default();
        let routes = Arc::new(Mutex::new(self.routes));
        let edge = self.edge;
        let (srv, lg) = (server.clone(), log.clone());
        let thread = std::thread::spawn(move || {
            for mut req in srv.incoming_requests() {
                let mut body = String::new();
                let _ = req.as_reader().read_to_string(&mut body);
                let rec = Recorded {
                    method: req.method().as_str().to_owned(),
                    url: req.url().to_owned(),
                    headers: req
                        .headers()
                        .iter()
                        .map(|h| {
                            (
                                h.field.as_str().as_str().to_ascii_lowercase(),
                                h.value.as_str().to_owned(),
                            )
                        })
                        .collect(),
                    body,
                };
                let all = {
                    let mut l = lg.lock().unwrap_or_else(|p| p.into_inner());
                    l.push(rec.clone());
                    l.clone()
                };
                let reply = if let Some(r) = edge.then(|| edge_refusal(&rec)).flatten() {
                    r
                } else {
                    let mut routes = routes.lock().unwrap_or_else(|p| p.into_inner());
                    match routes.iter_mut().find(|r| r.matches(&rec)) {
                        Some(Route {
                            answer: Answer::Script(replies, at),
                            ..
                        }) => {
                            let r = replies[(*at).min(replies.len() - 1)].clone();
                            *at += 1;
                            r
                        }
                        Some(Route {
                            answer: Answer::Handler(h),
                            ..
                        }) => {
                            let h = h.clone();
                            drop(routes);
                            h(&rec, &all)
                        }
                        None => Reply::json(
                            404,
                            r#"{"status":404,"error":"Not Found","message":"no scripted route"}"#,
                        ),
                    }
                };
                std::thread::spawn(move || answer(req, reply));
            }
        });
        StandIn {
            server,
            port,
            log,
            thread: Some(thread),
        }
    }
}

#[derive(Default)]
struct CasState {
    n: u32,
    tgts: Vec<String>,
    tickets: Vec<String>,
}

fn edge_refusal(r: &Recorded) -> Option<Reply> {
    let caller_ok = r.header("caller-id").is_some_and(|c| {
        !c.is_empty()
            && c.chars()
                .all(|ch| ch.is_ascii_alphanumeric() || ".-()".contains(ch))
    });
    if !caller_ok {
        return Some(Reply::text(403, "Caller-Id header is missing or invalid"));
    }
    let csrf = r.header("csrf");
    if csrf.is_none() || csrf != r.cookie("CSRF") {
        return Some(Reply::text(
            403,
            "CSRF header and cookie are missing or differ",
        ));
    }
    None
}

fn answer(req: tiny_http::Request, reply: Reply) {
    std::thread::sleep(reply.delay);
    if reply.drop_connection {
        let mut w = req.into_writer();
        let _ = w.write_all(b"HTTP/1.1 2");
        let _ = w.flush();
        return;
    }
    let mut resp = tiny_http::Response::from_string(reply.body).with_status_code(reply.status);
    for (n, v) in &reply.headers {
        if let Ok(h) = tiny_http::Header::from_bytes(n.as_bytes(), v.as_bytes()) {
            resp.add_header(h);
        }
    }
    let _ = req.respond(resp);
}

/// A running stand-in; stops when dropped.
pub struct StandIn {
    server: Arc<tiny_http::Server>,
    port: u16,
    log: Arc<Mutex<Vec<Recorded>>>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for StandIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StandIn").field("port", &self.port).finish()
    }
}

impl StandIn {
    /// A builder.
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Recorded> {
        self.log.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The requests to a path (query ignored), in order.
    pub fn requests_to(&self, method: &str, path: &str) -> Vec<Recorded> {
        self.requests()
            .into_iter()
            .filter(|r| r.method == method && r.path() == path)
            .collect()
    }

    /// How many requests each `METHOD path` got.
    pub fn counts(&self) -> HashMap<String, usize> {
        let mut m = HashMap::new();
        for r in self.requests() {
            *m.entry(format!("{} {}", r.method, r.path())).or_default() += 1;
        }
        m
    }

    /// Waits until the server thread ends (it runs until the process ends).
    pub fn wait(mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for StandIn {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
