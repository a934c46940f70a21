package fi.onr;

import java.util.Objects;

/**
 * A valid hetu one typo away from an invalid input, from {@link Hetu#suggest}.
 *
 * @param hetu the suggested code (valid by the strict rules)
 * @param edit the typo it undoes
 * @param position the 0-based position of the edit, or -1 for {@link Edit#NORMALIZED}
 */
public record Suggestion(Hetu hetu, Edit edit, int position) {
    /** The kind of typo a suggestion undoes. */
    public enum Edit {
        /** Only {@link Hetu#normalize} was needed (whitespace, dashes, case, full-width forms). */
        NORMALIZED("normalized"),
        /** Two adjacent characters were swapped; {@link #position()} is the first of them. */
        TRANSPOSITION("transposition"),
        /** One character was replaced; {@link #position()} is where. */
        SUBSTITUTION("substitution");

        private final String code;

        Edit(String code) {
            this.code = code;
        }

        /** onr-core's name ({@code onr_core::hetu::Edit::as_str}), e.g. {@code transposition}. */
        public String code() {
            return code;
        }

        /** The edit of onr-core's name. */
        static Edit of(String code) {
            for (Edit e : values()) {
                if (e.code.equals(code)) {
                    return e;
                }
            }
            throw new IllegalStateException("onr-core named an edit this facade doesn't know: " + code);
        }
    }

    /**
     * @throws NullPointerException if {@code hetu} or {@code edit} is {@code null}
     * @throws IllegalArgumentException if the position is not -1 for {@link Edit#NORMALIZED} or
     *     not 0-10 for the other edits (a hetu has 11 characters)
     */
    public Suggestion {
        Objects.requireNonNull(hetu, "hetu");
        Objects.requireNonNull(edit, "edit");
        boolean ok = edit == Edit.NORMALIZED ? position == -1 : position >= 0 && position <= 10;
        if (!ok) {
            throw new IllegalArgumentException("position " + position + " does not fit edit " + edit.code());
        }
    }

    /** A suggestion as onr-core names its edit. */
    Suggestion(Hetu hetu, String edit, int position) {
        this(hetu, Edit.of(edit), position);
    }

    /** The edit and position, never the hetu (hetus are not logged). */
    @Override
    public String toString() {
        return "Suggestion(" + edit + (position >= 0 ? " at " + position : "") + ")";
    }
}
