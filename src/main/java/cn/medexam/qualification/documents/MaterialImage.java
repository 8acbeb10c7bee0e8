package cn.medexam.qualification.documents;

import java.time.Instant;

/** An uploaded image of one material, without its bytes. Locked when lockedAt is set. */
public record MaterialImage(
        String id,
        String candidateNo,
        String materialCode,
        String contentType,
        int bytes,
        String sha256,
        Instant uploadedAt,
        Instant lockedAt) {

    public boolean locked() {
        return lockedAt != null;
    }
}
