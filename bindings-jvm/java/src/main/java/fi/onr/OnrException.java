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
 * <p>Each module of onr-core has its own subclass ({@link HetuException}, {@link OidException},
 * {@link ImportException}, {@link LinkException}, {@link PersonException},
 * {@link SimilarityException}, {@link ClientException}). A native panic, which is always a bug
 * in onr-core, arrives as an {@link InternalException} with the code {@code internal.panic}
 * and fixed text: the panic's own message never reaches Java code, as it could quote the input.
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

    /**
     * The exception of a code: the subclass of the onr-core module the code's first segment
     * names ({@code hetu.} {@link HetuException}, {@code oid.} {@link OidException},
     * {@code import.}, {@code input.} and {@code koodisto.} {@link ImportException},
     * {@code link.} {@link LinkException}, {@code person.} {@link PersonException},
     * {@code similarity.} {@link SimilarityException}, {@code internal.}
     * {@link InternalException}); any other code a plain {@code OnrException}.
     */
    static OnrException of(String code, Category category, String en, String fi, String sv, int position) {
        int dot = code.indexOf('.');
        switch (dot < 0 ? code : code.substring(0, dot)) {
            case "hetu":
                return new HetuException(code, category, en, fi, sv, position);
            case "oid":
                return new OidException(code, category, en, fi, sv, position);
            case "import":
            case "input": // the input policy of a batch file (empty, unclosed quote, extra cells)
            case "koodisto": // the koodisto file an import check reads
                return new ImportException(code, category, en, fi, sv, position);
            case "link":
                return new LinkException(code, category, en, fi, sv, position);
            case "person":
                return new PersonException(code, category, en, fi, sv, position);
            case "similarity":
                return new SimilarityException(code, category, en, fi, sv, position);
            case "internal":
                return new InternalException(code, category, en, fi, sv, position);
            default:
                return new OnrException(code, category, en, fi, sv, position);
        }
    }

    /** The exception of a problem that crossed the boundary (every native error is one). */
    static OnrException of(fi.onr.ffi.Problem p) {
        return of(p.getCode(), Category.of(p.getCategory()), p.getMessageEn(), p.getMessageFi(), p.getMessageSv(), p.getPosition());
    }

    /** A native error: its problem, with the trace starting at the caller's call. */
    static OnrException from(NativeException.Failed e) {
        OnrException out = of(e.getProblem());
        out.setStackTrace(trimmed(out.getStackTrace()));
        return out;
    }

    /**
     * A native panic or another failure that is a bug: {@code internal.panic} with onr-core's
     * fixed text. The exception that reported it is dropped, not kept as the cause: UniFFI puts
     * the panic's message in it, which could quote the input.
     */
    static InternalException internal(Exception dropped) {
        InternalException out = (InternalException) of(InternalPanic.PROBLEM);
        out.setStackTrace(trimmed(out.getStackTrace()));
        return out;
    }

    /** onr-core's problem for a panic, read once, when the first panic happens. */
    private static final class InternalPanic {
        static final fi.onr.ffi.Problem PROBLEM = fi.onr.ffi.Onr_jvmKt.internalPanicProblem();
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
