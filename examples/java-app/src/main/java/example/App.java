package example;

import fi.onr.Environment;
import fi.onr.Hetu;
import fi.onr.HetuException;
import fi.onr.HetuResults;
import fi.onr.Oid;
import java.util.List;
import java.util.Locale;

/** What a student information system does before sending learners to ONR. Synthetic data only. */
public final class App {
    public static void main(String[] args) {
        // One value: ONR's verdict and what it derives.
        Hetu hetu = Hetu.parse("010594Y9032", Environment.TEST);
        System.out.println("birth date " + hetu.birthDate() + ", sex " + hetu.sex().code() + ", temporary " + hetu.isTemporary());

        // A rejection: a stable code and a message in the user's language.
        try {
            Hetu.parse("010594Y9032", Environment.PRODUCTION);
            throw new AssertionError("production accepted a temporary hetu");
        } catch (HetuException e) {
            System.out.println(e.code() + ": " + e.message(Locale.forLanguageTag("fi")));
        }

        // A batch: one native call, one verdict per row, in order.
        List<String> rows = List.of("010594Y9032", "010594Y903X", "", "311299-999E");
        HetuResults results = Hetu.validateAll(rows, Environment.TEST);
        for (int i = 0; i < results.size(); i++) {
            System.out.println("row " + (i + 1) + ": " + (results.isValid(i) ? "valid " + results.birthDate(i) : results.code(i)));
        }

        // OIDs.
        Oid oid = Oid.parse("1.2.246.562.24.25909319372");
        System.out.println("oid node " + oid.node() + ", person in production: " + oid.isPerson(Environment.PRODUCTION));

        if (results.validCount() != 2) {
            throw new AssertionError("expected 2 valid rows, got " + results.validCount());
        }
        System.out.println("java-app: ok");
    }
}
