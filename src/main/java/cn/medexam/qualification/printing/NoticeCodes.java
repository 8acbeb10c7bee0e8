package cn.medexam.qualification.printing;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The verification codes of printed notices (table registration_notice). A code is 80 random bits in 16 characters
 * of Crockford's base 32 (no I, L, O, U): unguessable, short enough to type, and read back case-insensitively with
 * the look-alikes I, L → 1 and O → 0.
 */
@Component
class NoticeCodes {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 16;

    record Notice(String candidateNo, String code, String serial, Instant issuedAt) {}

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    NoticeCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The candidate's notice code, made now if they have none; two prints at once get the same one. */
    Notice issue(String candidateNo, String serial, Instant now) {
        Optional<Notice> existing = of(candidateNo);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbc.sql(
                            "INSERT INTO registration_notice (candidate_no, verify_code, serial, issued_at) VALUES (?, ?, ?, ?)")
                    .params(candidateNo, newCode(), serial, Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException printedAtTheSameTime) {
            // the other print's row is the notice (a clash of two random codes is as good as impossible)
        }
        return of(candidateNo).orElseThrow();
    }

    Optional<Notice> of(String candidateNo) {
        return jdbc.sql("SELECT * FROM registration_notice WHERE candidate_no = ?")
                .param(candidateNo)
                .query(NoticeCodes::map)
                .optional();
    }

    /** The notice of a code as a person typed or scanned it; nothing for anything that is not a code. */
    Optional<Notice> byCode(String typed) {
        String code = normalized(typed);
        if (code == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM registration_notice WHERE verify_code = ?")
                .param(code)
                .query(NoticeCodes::map)
                .optional();
    }

    /** The code in its stored form, or null when the text cannot be one. */
    static String normalized(String typed) {
        if (typed == null || typed.length() > 40) {
            return null;
        }
        String code = typed.toUpperCase(Locale.ROOT)
                .replaceAll("[\\s-]", "")
                .replace('I', '1')
                .replace('L', '1')
                .replace('O', '0');
        if (code.length() != LENGTH) {
            return null;
        }
        for (char c : code.toCharArray()) {
            if (ALPHABET.indexOf(c) < 0) {
                return null;
            }
        }
        return code;
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    private static Notice map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Notice(
                rs.getString("candidate_no"),
                rs.getString("verify_code").trim(),
                rs.getString("serial"),
                rs.getTimestamp("issued_at").toInstant());
    }
}
