package cn.medexam.qualification.system;

import java.util.regex.Pattern;

/** Masks personal numbers for lists and logs (SPEC §7): 138****0000, 3701**********1234. */
public final class Masking {

    /** An 11-digit mainland mobile number standing alone. */
    private static final Pattern PHONE = Pattern.compile("(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])");
    /** An 18-character resident ID number standing alone. */
    private static final Pattern RESIDENT_ID =
            Pattern.compile("(?<![0-9A-Za-z])([0-9]{4})[0-9]{10}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])");

    private Masking() {}

    public static String phone(String phone) {
        return keepEnds(phone, 3, 4);
    }

    public static String idNumber(String idNumber) {
        return keepEnds(idNumber, 4, 4);
    }

    /** Masks every phone and resident ID number in a free text, such as a log line. */
    public static String inText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = PHONE.matcher(text).replaceAll("$1****$2");
        return RESIDENT_ID.matcher(masked).replaceAll("$1**********$2");
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head)
                + "*".repeat(value.length() - head - tail)
                + value.substring(value.length() - tail);
    }
}
