/**
 * onr-core for Java and Kotlin: the rules of Finland's learner-number registry (ONR), applied
 * locally, with ONR's exact verdict.
 *
 * <p>Start with {@link fi.onr.Hetu} and {@link fi.onr.Oid}. Every rejection is an unchecked
 * {@link fi.onr.OnrException} with a stable {@code code()} and messages in English, Finnish
 * and Swedish. The native library is inside the jar, for the platforms the jar was built with
 * (the project builds and tests linux-x86-64).
 *
 * <p><b>Nulls.</b> Every {@code null} argument has one documented answer: an input text that
 * is {@code null} is the empty input (so {@code Hetu.isValid(null)} is false and
 * {@code Hetu.parse(null)} throws {@code hetu.empty}), as are {@code null} items of an input
 * list; where a method documents {@code null} as a value (a name or birth date of
 * {@link fi.onr.Names}, SQL NULL; a {@code Locale}, English), it is that value. Any other
 * {@code null} (an environment, a validator's rules, a list, a date, another object) is a
 * {@link java.lang.NullPointerException} whose message names the argument
 * ({@code "env must not be null"}), thrown on entry before anything runs; never one from
 * inside the library.
 */
package fi.onr;
