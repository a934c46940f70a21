package fi.onr;

/** A person's sex as a hetu encodes it: the individual number is odd for men, even for women. */
public enum Sex {
    /** Koodisto {@code sukupuoli} code {@code "1"}. */
    MALE(fi.onr.ffi.Sex.MALE),
    /** Koodisto {@code sukupuoli} code {@code "2"}. */
    FEMALE(fi.onr.ffi.Sex.FEMALE);

    private final fi.onr.ffi.Sex ffi;
    private final String code;

    Sex(fi.onr.ffi.Sex ffi) {
        this.ffi = ffi;
        this.code = Ffi.call(() -> fi.onr.ffi.Onr_jvmKt.sexCode(ffi));
    }

    /** The code of koodisto {@code sukupuoli} that ONR stores: {@code "1"} or {@code "2"}. */
    public String code() {
        return code;
    }

    static Sex of(fi.onr.ffi.Sex ffi) {
        return ffi == fi.onr.ffi.Sex.MALE ? MALE : FEMALE;
    }
}
