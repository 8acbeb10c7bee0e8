package cn.medexam.qualification.system;

/** Masks personal numbers for lists and logs (SPEC §7): 138****0000, 3701**********1234. */
public final class Masking {

    private Masking() {
    }

    public static String phone(String phone) {
        return keepEnds(phone, 3, 4);
    }

    public static String idNumber(String idNumber) {
        return keepEnds(idNumber, 4, 4);
    }

    private static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }
}
