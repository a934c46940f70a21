package fi.onr;

import fi.onr.ffi.NativeException;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * Why onr-core rejected a value: the root of the unchecked exceptions of this library.
 *
 * <p>Every exception has a stable {@link #code()} such as {@code hetu.checksum}, a coarse
 * {@link #category()} and a message in English ({@link #getMessage()}), Finnish and Swedish
 * ({@link #message(Locale)}). No exception ever holds a full hetu or a name: at most a
 * position, one character and the expected check character.
 *
 * <p>Each module has its own subclass ({@link HetuException}, {@link OidException}); a native
 * panic, which is always a bug in onr-core, arrives as a plain {@code OnrException} with the
 * code {@code internal.panic}.
 *
 * <pre>{@code
 * try {
 *     Hetu.parse("131052-308X", Environment.PRODUCTION);
 * } catch (HetuException e) {
 *     e.code();                       // "hetu.checksum"
 *     e.message(Locale.forLanguageTag("fi"));
 * }
 * }</pre>
 */
public class OnrException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final Category category;
    private final String messageFi;
    private final String messageSv;
    private final int position;

    OnrException(String code, Category category, String messageEn, String messageFi, String messageSv, int position) {
        super(messageEn);
        this.code = code;
        this.category = category;
        this.messageFi = messageFi;
        this.messageSv = messageSv;
        this.position = position;
    }

    /** The stable, machine-readable code, e.g. {@code hetu.checksum}. */
    public String code() {
        return code;
    }

    /** The coarse category. */
    public Category category() {
        return category;
    }

    /** The 0-based position of the offending character in the input, where there is one. */
    public OptionalInt position() {
        return position < 0 ? OptionalInt.empty() : OptionalInt.of(position);
    }

    /** The message in Finnish ({@code fi}), Swedish ({@code sv}) or, for any other locale, English. */
    public String message(Locale locale) {
        return Lang.of(locale).pick(getMessage(), messageFi, messageSv);
    }

    /** The exception of a code: the module's subclass, chosen by the code's first segment. */
    static OnrException of(String code, Category category, String en, String fi, String sv, int position) {
        if (code.startsWith("hetu.")) {
            return new HetuException(code, category, en, fi, sv, position);
        }
        if (code.startsWith("import.") || code.startsWith("input.")) {
            // input.*: the input policy of a batch file (empty, unclosed quote, extra cells).
            return new ImportException(code, category, en, fi, sv, position);
        }
        if (code.startsWith("link.")) {
            return new LinkException(code, category, en, fi, sv, position);
        }
        if (code.startsWith("oid.")) {
            return new OidException(code, category, en, fi, sv, position);
        }
        if (code.startsWith("person.")) {
            return new PersonException(code, category, en, fi, sv, position);
        }
        return new OnrException(code, category, en, fi, sv, position);
    }

    static OnrException of(fi.onr.ffi.Problem p) {
        return of(p.getCode(), Category.of(p.getCategory()), p.getMessageEn(), p.getMessageFi(), p.getMessageSv(), p.getPosition());
    }

    static OnrException from(NativeException e) {
        OnrException out;
        if (e instanceof NativeException.Length) {
            NativeException.Length v = (NativeException.Length) e;
            out = of(v.getCode(), Category.LENGTH, v.getMessageEn(), v.getMessageFi(), v.getMessageSv(), v.getPosition());
        } else if (e instanceof NativeException.Format) {
            NativeException.Format v = (NativeException.Format) e;
            out = of(v.getCode(), Category.FORMAT, v.getMessageEn(), v.getMessageFi(), v.getMessageSv(), v.getPosition());
        } else if (e instanceof NativeException.Component) {
            NativeException.Component v = (NativeException.Component) e;
            out = of(v.getCode(), Category.COMPONENT, v.getMessageEn(), v.getMessageFi(), v.getMessageSv(), v.getPosition());
        } else if (e instanceof NativeException.Checksum) {
            NativeException.Checksum v = (NativeException.Checksum) e;
            out = of(v.getCode(), Category.CHECKSUM, v.getMessageEn(), v.getMessageFi(), v.getMessageSv(), v.getPosition());
        } else if (e instanceof NativeException.Policy) {
            NativeException.Policy v = (NativeException.Policy) e;
            out = of(v.getCode(), Category.POLICY, v.getMessageEn(), v.getMessageFi(), v.getMessageSv(), v.getPosition());
        } else {
            NativeException.Consistency v = (NativeException.Consistency) e;
            out = of(v.getCode(), Category.CONSISTENCY, v.getMessageEn(), v.getMessageFi(), v.getMessageSv(), v.getPosition());
        }
        out.setStackTrace(trimmed(out.getStackTrace()));
        return out;
    }

    static OnrException internal(Exception e) {
        String en = "internal error in onr-core (a bug; please report it): " + e.getMessage();
        OnrException out = new OnrException("internal.panic", Category.CONSISTENCY, en, en, en, -1);
        out.initCause(e);
        return out;
    }

    /** Drops the facade's own frames, so the trace starts at the caller's call. */
    private static StackTraceElement[] trimmed(StackTraceElement[] trace) {
        int i = 0;
        while (i < trace.length - 1 && isInternal(trace[i].getClassName())) {
            i++;
        }
        return java.util.Arrays.copyOfRange(trace, i, trace.length);
    }

    private static boolean isInternal(String className) {
        return className.startsWith("fi.onr.Ffi") || className.equals("fi.onr.OnrException");
    }
}
