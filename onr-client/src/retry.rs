//! Retry decisions, as a pure function of what happened.

use std::time::Duration;

use crate::protocol::Resend;

/// What one attempt came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// An HTTP status came back.
    Status(u16),
    /// The connection could not be made: the request never left.
    ConnectFailed,
    /// No answer in time, after the request (body included) may have gone out.
    Timeout,
    /// The connection broke after the request may have gone out.
    Broken,
}

/// The decision after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// Send again after waiting.
    Retry(Duration),
    /// Give the outcome to the caller.
    Stop,
}

/// How often and how patiently to resend.
///
/// # Example
///
/// ```
/// use onr_client::retry::{Decision, Outcome, RetryPolicy};
/// use onr_client::protocol::Resend;
/// let p = RetryPolicy::default();
/// assert!(matches!(p.decide(Resend::Always, 0, Outcome::Status(503)), Decision::Retry(_)));
/// assert_eq!(p.decide(Resend::IfNotSent, 0, Outcome::Status(503)), Decision::Stop);
/// assert_eq!(p.decide(Resend::Always, 3, Outcome::Status(503)), Decision::Stop);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Resends after the first attempt (3).
    pub retries: u32,
    /// The wait before the first resend (0.5 s); doubled each time.
    pub base_delay: Duration,
    /// The longest wait (10 s).
    pub max_delay: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            retries: 3,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(10),
        }
    }
}

impl RetryPolicy {
    /// The wait before resend number `attempt + 1` (`attempt` resends done so far).
    pub fn delay(&self, attempt: u32) -> Duration {
        let factor = 1u32.checked_shl(attempt.min(31)).unwrap_or(u32::MAX);
        self.base_delay.saturating_mul(factor).min(self.max_delay)
    }

    /// Whether to resend after `attempt` resends ended in `outcome`.
    ///
    /// * Success and client errors (2xx, 3xx, 4xx) are never resent here (a session expiry is
    ///   the authenticator's business).
    /// * A request that never left ([`Outcome::ConnectFailed`]) is resent whatever it is.
    /// * 5xx, timeouts and broken connections are resent only for [`Resend::Always`].
    pub fn decide(&self, resend: Resend, attempt: u32, outcome: Outcome) -> Decision {
        if attempt >= self.retries {
            return Decision::Stop;
        }
        let retry = match outcome {
            Outcome::Status(s) => s >= 500 && resend == Resend::Always,
            Outcome::ConnectFailed => true,
            Outcome::Timeout | Outcome::Broken => resend == Resend::Always,
        };
        if retry {
            Decision::Retry(self.delay(attempt))
        } else {
            Decision::Stop
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn outcome() -> impl Strategy<Value = Outcome> {
        prop_oneof![
            (100u16..600).prop_map(Outcome::Status),
            Just(Outcome::ConnectFailed),
            Just(Outcome::Timeout),
            Just(Outcome::Broken),
        ]
    }

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let p = RetryPolicy::default();
        assert_eq!(p.delay(0), Duration::from_millis(500));
        assert_eq!(p.delay(1), Duration::from_secs(1));
        assert_eq!(p.delay(2), Duration::from_secs(2));
        assert_eq!(p.delay(10), Duration::from_secs(10));
        assert_eq!(p.delay(u32::MAX), Duration::from_secs(10));
    }

    proptest! {
        #[test]
        fn a_body_that_may_have_arrived_is_never_resent(attempt in 0u32..10, o in outcome()) {
            let p = RetryPolicy::default();
            let d = p.decide(Resend::IfNotSent, attempt, o);
            if d != Decision::Stop {
                prop_assert_eq!(o, Outcome::ConnectFailed);
            }
        }

        #[test]
        fn idempotent_requests_retry_exactly_server_and_network_failures(attempt in 0u32..10, o in outcome()) {
            let p = RetryPolicy::default();
            let d = p.decide(Resend::Always, attempt, o);
            let failure = match o { Outcome::Status(s) => s >= 500, _ => true };
            prop_assert_eq!(d != Decision::Stop, failure && attempt < 3);
            if let Decision::Retry(w) = d { prop_assert!(w <= p.max_delay && w >= p.base_delay); }
        }

        #[test]
        fn at_most_retries_resends(o in outcome()) {
            // Simulate a server that always fails the same way.
            let p = RetryPolicy::default();
            let mut sends = 1;
            let mut attempt = 0;
            while let Decision::Retry(_) = p.decide(Resend::Always, attempt, o) {
                sends += 1;
                attempt += 1;
            }
            prop_assert!(sends <= 4);
        }
    }
}
