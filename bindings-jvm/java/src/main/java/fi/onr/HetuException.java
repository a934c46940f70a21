package fi.onr;

/**
 * Why a hetu was rejected. Codes: {@code hetu.empty}, {@code hetu.length},
 * {@code hetu.character}, {@code hetu.century_sign}, {@code hetu.date},
 * {@code hetu.individual_number}, {@code hetu.non_ascii_digit}, {@code hetu.checksum},
 * {@code hetu.temporary}; and {@code hetu.generate.date_out_of_range} from a
 * {@link HetuGenerator}.
 */
public class HetuException extends OnrException {
    private static final long serialVersionUID = 1L;

    HetuException(String code, Category category, String en, String fi, String sv, int position) {
        super(code, category, en, fi, sv, position);
    }
}
