package fi.onr;

import java.util.Locale;
import java.util.Objects;

/**
 * Something ONR accepts but the official rules reject (e.g. {@code hetu.warning.date_clamped}):
 * a stable code, a category and a message in English, Finnish and Swedish.
 */
public final class Warning {
    private final String code;
    private final Category category;
    private final String en;
    private final String fi;
    private final String sv;

    private Warning(String code, Category category, String en, String fi, String sv) {
        this.code = code;
        this.category = category;
        this.en = en;
        this.fi = fi;
        this.sv = sv;
    }

    static Warning of(fi.onr.ffi.Problem p) {
        return new Warning(p.getCode(), Category.of(p.getCategory()), p.getMessageEn(), p.getMessageFi(), p.getMessageSv());
    }

    /** The stable code, e.g. {@code hetu.warning.date_clamped}. */
    public String code() {
        return code;
    }

    /** The coarse category. */
    public Category category() {
        return category;
    }

    /** The message in Finnish ({@code fi}), Swedish ({@code sv}) or, for any other locale, English. */
    public String message(Locale locale) {
        return Lang.of(locale).pick(en, fi, sv);
    }

    /** The code. */
    @Override
    public String toString() {
        return code;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Warning && ((Warning) o).code.equals(code) && ((Warning) o).en.equals(en);
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, en);
    }
}
