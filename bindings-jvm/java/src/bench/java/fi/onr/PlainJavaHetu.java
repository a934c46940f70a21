package fi.onr;

/**
 * A straightforward pure-Java validator of ONR's hetu verdict, written for the benchmark only:
 * what a Java team would write by hand from ONR's rules (length 11 in UTF-16 units; ASCII date
 * digits; century sign; individual number in any Unicode decimal digits, as Java's
 * {@code Integer.parseInt} reads them; day 1-31 and month 1-12, an impossible day being
 * clamped, not rejected; the mod-31 check character; production rejects an ASCII {@code 9}
 * in position 7). No allocation, no exceptions, no regular expressions.
 */
final class PlainJavaHetu {
    private static final String CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY";

    private PlainJavaHetu() {}

    static boolean isValid(String s, boolean allowTemporary) {
        if (s == null || s.length() != 11) {
            return false;
        }
        int date = 0;
        for (int i = 0; i < 6; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            date = date * 10 + (c - '0');
        }
        switch (s.charAt(6)) {
            case '+': case '-': case 'Y': case 'X': case 'W': case 'V': case 'U':
            case 'A': case 'B': case 'C': case 'D': case 'E': case 'F':
                break;
            default:
                return false;
        }
        int individual = 0;
        for (int i = 7; i < 10; i++) {
            int d = Character.digit(s.charAt(i), 10);
            if (d < 0) {
                return false;
            }
            individual = individual * 10 + d;
        }
        int day = date / 10_000;
        int month = date / 100 % 100;
        if (day < 1 || day > 31 || month < 1 || month > 12) {
            return false;
        }
        if (s.charAt(10) != CHECK_CHARS.charAt((date * 1000 + individual) % 31)) {
            return false;
        }
        return allowTemporary || s.charAt(7) != '9';
    }
}
