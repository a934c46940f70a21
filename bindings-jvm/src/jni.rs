//! A direct JNI path for the two hottest calls, `Hetu.isValid` and `Hetu.validateAll`.
//!
//! `Hetu.isValid` of a string of at most 12 UTF-16 units (every hetu-length input) passes the
//! units as three `long`s, so the call never calls back into the JVM. A longer string is
//! decided from its length alone when onr-core's verdict depends on nothing else
//! ([`hetu::length_error`], every length but eleven): it is never read, so a string of
//! hundreds of millions of characters costs nothing; otherwise it would be read with
//! `GetStringRegion`. Batches leave such strings' characters out likewise.
//!
//! UniFFI's generated Kotlin goes through JNA and allocates a `RustBuffer` and a call-status
//! structure per call, which costs microseconds: fine for `parse` (one value, a rich record
//! back) but a hundred times a pure-Java check for a boolean. These functions are plain JNI
//! natives of the package-private class `fi.onr.FastPath` (the same library, loaded once by
//! the facade for both paths). They read the Java string's UTF-16 units straight into a stack
//! buffer, turn them into UTF-8 (a lone surrogate becomes U+FFFD, as in the UniFFI path) and
//! call the same onr-core function. No rule lives here either.
//!
//! A batch arrives in chunks of a few thousand inputs (the facade packs and checks the chunks
//! of a large batch on several threads at once, see `HetuResults.java`), so each call touches
//! a cache-sized piece of memory and writes its verdicts into its own region of the result.
//!
//! A panic can't unwind into the JVM: each entry point catches it and returns -1, and the
//! facade then repeats the call through UniFFI, which turns the panic into an exception.
#![allow(unsafe_code)]

use std::panic::{catch_unwind, AssertUnwindSafe};

use jni_sys::{jboolean, jcharArray, jclass, jint, jintArray, jlong, jsize, jstring, JNIEnv};
use onr_core::hetu;
use onr_core::Environment;

/// Inputs up to this many UTF-16 units are read without a heap allocation.
const STACK_UNITS: usize = 32;

fn environment(test: jboolean) -> Environment {
    if test {
        Environment::Test
    } else {
        Environment::Production
    }
}

/// UTF-16 to UTF-8, lone surrogates as U+FFFD; into `buf` when it fits, else onto the heap.
#[inline]
fn utf8<'a>(units: &[u16], buf: &'a mut [u8; STACK_UNITS * 3], heap: &'a mut String) -> &'a str {
    if units.len() <= STACK_UNITS {
        // The common case, ASCII: one byte per unit, no validation needed.
        let mut high = 0u16;
        for (b, &u) in buf.iter_mut().zip(units) {
            *b = u as u8;
            high |= u;
        }
        if high < 0x80 {
            // SAFETY: every byte written is below 0x80, and ASCII is UTF-8.
            return unsafe { std::str::from_utf8_unchecked(&buf[..units.len()]) };
        }
    }
    let chars =
        char::decode_utf16(units.iter().copied()).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER));
    if units.len() <= STACK_UNITS {
        let mut n = 0;
        for c in chars {
            n += c.encode_utf8(&mut buf[n..]).len();
        }
        // Only whole characters were written.
        std::str::from_utf8(&buf[..n]).unwrap_or_default()
    } else {
        heap.extend(chars);
        heap.as_str()
    }
}

/// `static native int hetuIsValid(String input, int length, boolean test)` of `fi.onr.FastPath`:
/// 1 valid, 0 invalid, -1 a panic (the facade retries through UniFFI). `length` is
/// `input.length()`, passed in to save a call back into the JVM.
///
/// # Safety
///
/// Called by the JVM with a valid `JNIEnv` and a non-null `String` reference whose length is
/// `length`.
#[no_mangle]
pub unsafe extern "system" fn Java_fi_onr_FastPath_hetuIsValid(
    env: *mut JNIEnv,
    _class: jclass,
    input: jstring,
    length: jint,
    test: jboolean,
) -> jint {
    if input.is_null() {
        return 0;
    }
    let jni = &**env;
    let len = usize::try_from(length).unwrap_or(0);
    // A length that decides the verdict alone: the string is never read (it may be huge).
    if hetu::length_error(len).is_some() {
        return 0;
    }
    let mut stack = [0u16; STACK_UNITS];
    let mut heap_units = Vec::new();
    let units: &mut [u16] = if len <= STACK_UNITS {
        &mut stack[..len]
    } else {
        heap_units.resize(len, 0);
        &mut heap_units
    };
    (jni.v1_2.GetStringRegion)(env, input, 0, len as jsize, units.as_mut_ptr());
    catch_unwind(AssertUnwindSafe(|| {
        let mut buf = [0u8; STACK_UNITS * 3];
        let mut heap = String::new();
        jint::from(hetu::is_valid(
            utf8(units, &mut buf, &mut heap),
            environment(test),
        ))
    }))
    .unwrap_or(-1)
}

/// `static native int hetuIsValidShort(long units0to3, long units4to7, long units8to11, int length, boolean test)`
/// of `fi.onr.FastPath`: [`hetu::is_valid`] of a string of at most 12 UTF-16 units passed as
/// primitives, four units per `long` (unit `i` in bits `16 * (i % 4)` of word `i / 4`), so the
/// call makes no call back into the JVM. 1 valid, 0 invalid, -1 a panic or a bad length.
#[no_mangle]
pub extern "system" fn Java_fi_onr_FastPath_hetuIsValidShort(
    _env: *mut JNIEnv,
    _class: jclass,
    w0: jlong,
    w1: jlong,
    w2: jlong,
    length: jint,
    test: jboolean,
) -> jint {
    let Some(len) = usize::try_from(length).ok().filter(|&n| n <= 12) else {
        return -1;
    };
    let words = [w0 as u64, w1 as u64, w2 as u64];
    let mut units = [0u16; 12];
    for (i, u) in units.iter_mut().enumerate().take(len) {
        *u = (words[i / 4] >> (16 * (i % 4))) as u16;
    }
    catch_unwind(|| {
        let mut buf = [0u8; STACK_UNITS * 3];
        let mut heap = String::new();
        jint::from(hetu::is_valid(
            utf8(&units[..len], &mut buf, &mut heap),
            environment(test),
        ))
    })
    .unwrap_or(-1)
}

/// The packed verdict (see [`crate::hetu::pack`]) of each input `chars[ends[i-1]..ends[i]]`,
/// in order, into `out`; an input whose characters were left out (`left_out[i] > 0`, its
/// length) gets [`hetu::length_error`]'s verdict. False if the length of a left-out input
/// does not decide its verdict (the characters are needed).
fn verdicts(
    chars: &[u16],
    ends: &[i32],
    left_out: &[i32],
    env: Environment,
    strict: bool,
    out: &mut [i32],
) -> bool {
    let mut buf = [0u8; STACK_UNITS * 3];
    let mut heap = String::new();
    let mut start = 0usize;
    for (i, (slot, &end)) in out.iter_mut().zip(ends).enumerate() {
        let end = usize::try_from(end).unwrap_or(0).clamp(start, chars.len());
        let result = match left_out.get(i).and_then(|&n| usize::try_from(n).ok()) {
            Some(units) if units > 0 => match hetu::length_error(units) {
                Some(e) => Err::<hetu::Verdict, _>(e),
                None => return false,
            },
            _ => {
                heap.clear();
                let text = utf8(&chars[start..end], &mut buf, &mut heap);
                if strict {
                    hetu::verdict_strict(text, env)
                } else {
                    hetu::verdict(text, env)
                }
            }
        };
        *slot = crate::hetu::pack(&result);
        start = end;
    }
    true
}

/// `static native int hetuValidatePacked(char[] chars, int[] ends, int[] leftOut, boolean test, boolean strict, int[] out, int offset)`
/// of `fi.onr.FastPath`: input `i` is `chars[ends[i-1]..ends[i]]`, or, where `leftOut[i] > 0`,
/// an input of that many UTF-16 units whose characters the facade left out (a long one: its
/// length decides, see [`hetu::length_error`]); writes its packed verdict (see
/// [`crate::hetu::pack`]) into `out[offset + i]`. Returns 0, or -1 after a panic, on arrays
/// that don't fit, or when a left-out input's length does not decide.
///
/// Several threads may call this at once on disjoint regions of the same `out`: each call
/// writes only its region, with `SetIntArrayRegion`.
///
/// # Safety
///
/// Called by the JVM with a valid `JNIEnv` and non-null arrays.
#[no_mangle]
pub unsafe extern "system" fn Java_fi_onr_FastPath_hetuValidatePacked(
    env: *mut JNIEnv,
    _class: jclass,
    chars: jcharArray,
    ends: jintArray,
    left_out: jintArray,
    test: jboolean,
    strict: jboolean,
    out: jintArray,
    offset: jint,
) -> jint {
    let jni = &**env;
    let n_chars = usize::try_from((jni.v1_2.GetArrayLength)(env, chars)).unwrap_or(0);
    let n = usize::try_from((jni.v1_2.GetArrayLength)(env, ends)).unwrap_or(0);
    let n_out = usize::try_from((jni.v1_2.GetArrayLength)(env, out)).unwrap_or(0);
    let Ok(offset) = usize::try_from(offset) else {
        return -1;
    };
    if !matches!(offset.checked_add(n), Some(end) if end <= n_out) {
        return -1;
    }
    let n_left = usize::try_from((jni.v1_2.GetArrayLength)(env, left_out)).unwrap_or(0);
    if n_left != n {
        return -1;
    }
    let mut lengths = vec![0i32; n];
    (jni.v1_2.GetIntArrayRegion)(env, left_out, 0, n as jsize, lengths.as_mut_ptr());
    let mut verdict = vec![0i32; n];
    // No JNI call may happen between Get*Critical and its release; onr-core makes none.
    let c = (jni.v1_2.GetPrimitiveArrayCritical)(env, chars, std::ptr::null_mut()) as *const u16;
    let e = (jni.v1_2.GetPrimitiveArrayCritical)(env, ends, std::ptr::null_mut()) as *const i32;
    let status = if c.is_null() || e.is_null() {
        -1
    } else {
        let chars = std::slice::from_raw_parts(c, n_chars);
        let ends = std::slice::from_raw_parts(e, n);
        catch_unwind(AssertUnwindSafe(|| {
            if verdicts(
                chars,
                ends,
                &lengths,
                environment(test),
                strict,
                &mut verdict,
            ) {
                0
            } else {
                -1
            }
        }))
        .unwrap_or(-1)
    };
    if !e.is_null() {
        (jni.v1_2.ReleasePrimitiveArrayCritical)(env, ends, e as *mut _, jni_sys::JNI_ABORT);
    }
    if !c.is_null() {
        (jni.v1_2.ReleasePrimitiveArrayCritical)(env, chars, c as *mut _, jni_sys::JNI_ABORT);
    }
    if status == 0 {
        (jni.v1_2.SetIntArrayRegion)(env, out, offset as jsize, n as jsize, verdict.as_ptr());
    }
    status
}
