//! A direct JNI path for the two hottest calls, `Hetu.isValid` and `Hetu.validateAll`.
//!
//! UniFFI's generated Kotlin goes through JNA and allocates a `RustBuffer` and a call-status
//! structure per call, which costs microseconds: fine for `parse` (one value, a rich record
//! back) but a hundred times a pure-Java check for a boolean. These functions are plain JNI
//! natives of the package-private class `fi.onr.FastPath` (the same library, loaded once by
//! the facade for both paths). They read the Java string's UTF-16 units straight into a stack
//! buffer, turn them into UTF-8 (a lone surrogate becomes U+FFFD, as in the UniFFI path) and
//! call the same onr-core function. No rule lives here either.
//!
//! A panic can't unwind into the JVM: each entry point catches it and returns -1, and the
//! facade then repeats the call through UniFFI, which turns the panic into an exception.
#![allow(unsafe_code)]

use std::panic::{catch_unwind, AssertUnwindSafe};

use jni_sys::{jboolean, jcharArray, jclass, jint, jintArray, jsize, jstring, JNIEnv};
use onr_core::hetu::{self, Hetu};
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
fn utf8<'a>(units: &[u16], buf: &'a mut [u8; STACK_UNITS * 3], heap: &'a mut String) -> &'a str {
    if units.len() <= STACK_UNITS && units.iter().all(|&u| u < 0x80) {
        for (b, &u) in buf.iter_mut().zip(units) {
            *b = u as u8;
        }
        return std::str::from_utf8(&buf[..units.len()]).unwrap_or_default();
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

/// `static native int hetuIsValid(String input, boolean test)` of `fi.onr.FastPath`:
/// 1 valid, 0 invalid, -1 a panic (the facade retries through UniFFI).
///
/// # Safety
///
/// Called by the JVM with a valid `JNIEnv` and a non-null `String` reference.
#[no_mangle]
pub unsafe extern "system" fn Java_fi_onr_FastPath_hetuIsValid(
    env: *mut JNIEnv,
    _class: jclass,
    input: jstring,
    test: jboolean,
) -> jint {
    if input.is_null() {
        return 0;
    }
    let jni = &**env;
    let len = (jni.v1_2.GetStringLength)(env, input);
    let len = usize::try_from(len).unwrap_or(0);
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

/// `static native int hetuValidatePacked(char[] chars, int[] ends, boolean test, boolean strict, int[] out)`
/// of `fi.onr.FastPath`: input `i` is `chars[ends[i-1]..ends[i]]`; writes one packed verdict
/// per input into `out` (see [`crate::hetu::pack`]). Returns 0, or -1 after a panic.
///
/// # Safety
///
/// Called by the JVM with a valid `JNIEnv` and non-null arrays, `ends` non-decreasing and at
/// most `chars.length`, and `out.length >= ends.length` (the facade makes them so).
#[no_mangle]
pub unsafe extern "system" fn Java_fi_onr_FastPath_hetuValidatePacked(
    env: *mut JNIEnv,
    _class: jclass,
    chars: jcharArray,
    ends: jintArray,
    test: jboolean,
    strict: jboolean,
    out: jintArray,
) -> jint {
    let jni = &**env;
    let n_chars = usize::try_from((jni.v1_2.GetArrayLength)(env, chars)).unwrap_or(0);
    let n = usize::try_from((jni.v1_2.GetArrayLength)(env, ends)).unwrap_or(0);
    if usize::try_from((jni.v1_2.GetArrayLength)(env, out)).unwrap_or(0) < n {
        return -1;
    }
    // No JNI call may happen between Get*Critical and its release; onr-core makes none.
    let c = (jni.v1_2.GetPrimitiveArrayCritical)(env, chars, std::ptr::null_mut()) as *const u16;
    let e = (jni.v1_2.GetPrimitiveArrayCritical)(env, ends, std::ptr::null_mut()) as *const i32;
    let o = (jni.v1_2.GetPrimitiveArrayCritical)(env, out, std::ptr::null_mut()) as *mut i32;
    let status = if c.is_null() || e.is_null() || o.is_null() {
        -1
    } else {
        let chars = std::slice::from_raw_parts(c, n_chars);
        let ends = std::slice::from_raw_parts(e, n);
        let out = std::slice::from_raw_parts_mut(o, n);
        catch_unwind(AssertUnwindSafe(|| {
            let env = environment(test);
            let mut buf = [0u8; STACK_UNITS * 3];
            let mut start = 0usize;
            for (slot, &end) in out.iter_mut().zip(ends) {
                let end = usize::try_from(end).unwrap_or(0).clamp(start, n_chars);
                let mut heap = String::new();
                let text = utf8(&chars[start..end], &mut buf, &mut heap);
                let result = if strict {
                    Hetu::parse_strict(text, env)
                } else {
                    Hetu::parse(text, env)
                };
                *slot = crate::hetu::pack(&result);
                start = end;
            }
            0
        }))
        .unwrap_or(-1)
    };
    if !o.is_null() {
        (jni.v1_2.ReleasePrimitiveArrayCritical)(env, out, o.cast(), 0);
    }
    if !e.is_null() {
        (jni.v1_2.ReleasePrimitiveArrayCritical)(env, ends, e as *mut _, jni_sys::JNI_ABORT);
    }
    if !c.is_null() {
        (jni.v1_2.ReleasePrimitiveArrayCritical)(env, chars, c as *mut _, jni_sys::JNI_ABORT);
    }
    status
}
