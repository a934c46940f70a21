package fi.onr;

/**
 * Why an import batch or its inputs could not be read at all: {@code import.json.syntax},
 * {@code import.json.not_an_object}, the input policy's {@code input.*} and a bad koodisto
 * file's {@code koodisto.file.*}.
 */
public class ImportException extends OnrException {
    private static final long serialVersionUID = 1L;

    ImportException(String code, Category category, String en, String fi, String sv, int position) {
        super(code, category, en, fi, sv, position);
    }
}
