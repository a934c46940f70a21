package fi.onr;

import java.util.Locale;
import java.util.Objects;

/**
 * Something ONR accepts but the official rules reject (e.g. {@code hetu.warning.date_clamped}):
 * a stable code, a category and a message in English, Finnish and Swedish. Warnings never
 * quote their input.
 *
 * @param code the stable code, e.g. {@code hetu.warning.date_clamped}
 * @param category the coarse category
 * @param messageEn the message in English
 * @param messageFi the message in Finnish
 * @param messageSv the message in Swedish
 */
public record Warning(String code, Category category, String messageEn, String messageFi, String messageSv) {
    /** @throws NullPointerException if any component is {@code null} */
    public Warning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(messageEn, "messageEn");
        Objects.requireNonNull(messageFi, "messageFi");
        Objects.requireNonNull(messageSv, "messageSv");
    }

    static Warning of(fi.onr.ffi.Problem p) {
        return new Warning(p.getCode(), Category.of(p.getCategory()), p.getMessageEn(), p.getMessageFi(), p.getMessageSv());
    }

    /** The message in Finnish ({@code fi}), Swedish ({@code sv}) or, for any other locale, English. */
    public String message(Locale locale) {
        return Lang.of(locale).pick(messageEn, messageFi, messageSv);
    }

    /** The code. */
    @Override
    public String toString() {
        return code;
    }
}
