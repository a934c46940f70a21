package fi.onr;

/** Which rules a {@link HetuValidator} applies (onr-core's {@code hetu::RuleSet}). */
public enum HetuRules {
    /** ONR's verdict, exactly as the registry's own validator answers, quirks included. */
    ONR("onr"),
    /**
     * The official rules: the date exists, the individual number is 002-899 (900-999 where the
     * environment accepts temporary numbers), ASCII only.
     */
    OFFICIAL("official");

    private final String code;

    HetuRules(String code) {
        this.code = code;
    }

    /** onr-core's stable name: {@code onr} or {@code official}. */
    public String code() {
        return code;
    }
}
