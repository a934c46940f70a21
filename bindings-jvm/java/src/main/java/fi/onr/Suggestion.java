package fi.onr;

/** A valid hetu one typo away from an invalid input, from {@link Hetu#suggest}. */
public final class Suggestion {
    /** The kind of typo a suggestion undoes. */
    public enum Edit {
        /** Only {@link Hetu#normalize} was needed (whitespace, dashes, case, full-width forms). */
        NORMALIZED,
        /** Two adjacent characters were swapped; {@link #position()} is the first of them. */
        TRANSPOSITION,
        /** One character was replaced; {@link #position()} is where. */
        SUBSTITUTION;
    }

    private final Hetu hetu;
    private final Edit edit;
    private final int position;

    Suggestion(Hetu hetu, String edit, int position) {
        this.hetu = hetu;
        this.edit = Edit.valueOf(edit.toUpperCase(java.util.Locale.ROOT));
        this.position = position;
    }

    /** The suggested code (valid by the strict rules). */
    public Hetu hetu() {
        return hetu;
    }

    /** The typo it undoes. */
    public Edit edit() {
        return edit;
    }

    /** The 0-based position of the edit, or -1 for {@link Edit#NORMALIZED}. */
    public int position() {
        return position;
    }

    /** The edit and position; the hetu masked as its {@code Debug} form would be. */
    @Override
    public String toString() {
        return "Suggestion(" + edit + (position >= 0 ? " at " + position : "") + ")";
    }
}
