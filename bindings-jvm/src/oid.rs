//! `onr_core::oid` for the JVM: parse (strict and lenient), verdicts, batches, construction,
//! check digits and generation. Every export runs its body in `error::shielded`.

use std::sync::Mutex;

use onr_core::oid::{self, Oid, OidError};
use onr_core::Environment;

use crate::error::{shielded, NativeError, Problem};

/// A parsed OID.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OidValue {
    /// The canonical text, `1.2.246.562.<node>.<tail>`.
    pub text: String,
    /// The node (1..=999 999 999).
    pub node: i64,
    /// The tail without its check digit.
    pub number: i64,
    /// The last digit of the tail.
    pub check_digit: i32,
    /// Whether the last digit is the node's check digit.
    pub has_valid_check_digit: bool,
    /// Whether the node is the organisation node 10.
    pub organisation: bool,
    /// How many digits the tail has (11 for ONR's OIDs; a lenient OID may have 1 to 19).
    pub tail_digits: i32,
}

impl From<Oid> for OidValue {
    fn from(o: Oid) -> OidValue {
        OidValue {
            text: o.to_string(),
            node: i64::from(o.node()),
            number: i64::try_from(o.number()).unwrap_or(i64::MAX),
            check_digit: i32::from(o.check_digit()),
            has_valid_check_digit: o.has_valid_check_digit(),
            organisation: o.is_organisation(),
            tail_digits: i32::from(o.tail_digits()),
        }
    }
}

/// One input's verdict in a batch: exactly one of `oid` and `error` is set.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct OidOutcome {
    /// The parsed OID, if valid.
    pub oid: Option<OidValue>,
    /// Why it is invalid, if it is.
    pub error: Option<Problem>,
}

impl From<Result<Oid, OidError>> for OidOutcome {
    fn from(r: Result<Oid, OidError>) -> OidOutcome {
        match r {
            Ok(o) => OidOutcome {
                oid: Some(o.into()),
                error: None,
            },
            Err(e) => OidOutcome {
                oid: None,
                error: Some(Problem::from(&e)),
            },
        }
    }
}

/// [`Oid::parse`]: an OID as ONR generates it.
#[uniffi::export]
pub fn oid_parse(input: String) -> Result<OidValue, NativeError> {
    shielded(|| Ok(Oid::parse(&input)?.into()))
}

/// [`Oid::parse_lenient`]: the syntax only.
#[uniffi::export]
pub fn oid_parse_lenient(input: String) -> Result<OidValue, NativeError> {
    shielded(|| Ok(Oid::parse_lenient(&input)?.into()))
}

/// [`oid::is_valid`].
#[uniffi::export]
pub fn oid_is_valid(input: String) -> Result<bool, NativeError> {
    shielded(|| Ok(oid::is_valid(&input)))
}

/// [`oid::validate_many`].
#[uniffi::export]
pub fn oid_validate_all(inputs: Vec<String>) -> Result<Vec<OidOutcome>, NativeError> {
    shielded(|| {
        Ok(oid::validate_many(&inputs)
            .into_iter()
            .map(OidOutcome::from)
            .collect())
    })
}

/// [`Oid::new`]: the OID of a node and a ten-digit number, with its check digit.
#[uniffi::export]
pub fn oid_new(node: i64, number: i64) -> Result<OidValue, NativeError> {
    shielded(|| {
        let node = u32::try_from(node).map_err(|_| OidError::Node)?;
        let number = u64::try_from(number).unwrap_or(0);
        Ok(Oid::new(node, number)?.into())
    })
}

/// [`oid::check_digit`] of a node and a number.
#[uniffi::export]
pub fn oid_check_digit(node: i64, number: i64) -> Result<i32, NativeError> {
    shielded(|| {
        Ok(i32::from(oid::check_digit(
            u32::try_from(node).unwrap_or(u32::MAX),
            number.unsigned_abs(),
        )))
    })
}

/// [`Oid::is_person`] of an OID's text (parsed leniently).
#[uniffi::export]
pub fn oid_is_person(text: String, env: Environment) -> Result<bool, NativeError> {
    shielded(|| Ok(Oid::parse_lenient(&text).is_ok_and(|o| o.is_person(env))))
}

/// [`oid::Generator`], shareable between threads.
#[derive(Debug, uniffi::Object)]
pub struct OidGenerator(Mutex<oid::Generator>);

#[uniffi::export]
impl OidGenerator {
    /// [`oid::Generator::new`].
    #[uniffi::constructor]
    pub fn new(seed: i64) -> Result<OidGenerator, NativeError> {
        shielded(|| Ok(OidGenerator(Mutex::new(oid::Generator::new(seed as u64)))))
    }

    /// [`oid::Generator::generate`] for a node (an invalid node means node 24, as in onr-core).
    pub fn generate(&self, node: i64) -> Result<OidValue, NativeError> {
        shielded(|| {
            let node = u32::try_from(node).unwrap_or(0);
            let mut generator = self
                .0
                .lock()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            Ok(generator.generate(node).into())
        })
    }
}
