/**
 * onr-core for Java and Kotlin: the rules of Finland's learner-number registry (ONR), applied
 * locally, with ONR's exact verdict.
 *
 * <p>Start with {@link fi.onr.Hetu} and {@link fi.onr.Oid}. Every rejection is an unchecked
 * {@link fi.onr.OnrException} with a stable {@code code()} and messages in English, Finnish
 * and Swedish. The native library is inside the jar, for the platforms the jar was built with
 * (the project builds and tests linux-x86-64).
 */
package fi.onr;
