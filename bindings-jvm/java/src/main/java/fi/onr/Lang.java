package fi.onr;

import java.util.Locale;

/** The languages of onr-core's messages: Finnish, Swedish, and English for every other locale. */
enum Lang {
    EN,
    FI,
    SV;

    static Lang of(Locale locale) {
        if (locale == null) {
            return EN;
        }
        switch (locale.getLanguage()) {
            case "fi":
                return FI;
            case "sv":
                return SV;
            default:
                return EN;
        }
    }

    String pick(String en, String fi, String sv) {
        switch (this) {
            case FI:
                return fi;
            case SV:
                return sv;
            default:
                return en;
        }
    }
}
