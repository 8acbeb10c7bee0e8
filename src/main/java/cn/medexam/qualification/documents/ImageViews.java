package cn.medexam.qualification.documents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The record of every staff view of a candidate's image: who, which case, which image, when. A candidate looking
 * at their own images is not recorded: they are the data's owner, not someone processing it.
 */
@Service
public class ImageViews {

    private final JdbcClient jdbc;

    ImageViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ImageView(String viewer, String imageId, String material, Instant viewedAt) {}

    /** Called before the bytes are served: no bytes leave without their record. */
    public void record(String viewer, MaterialImage image, Instant at) {
        jdbc.sql("""
                        INSERT INTO image_view (candidate_no, image_id, material_code, viewer, viewed_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(image.candidateNo(), image.id(), image.materialCode(), viewer, Timestamp.from(at))
                .update();
    }

    /** The views of one case's images, newest first. */
    public List<ImageView> of(String candidateNo) {
        return jdbc.sql("""
                        SELECT viewer, image_id, material_code, viewed_at FROM image_view
                         WHERE candidate_no = ? ORDER BY seq DESC""")
                .param(candidateNo)
                .query((rs, row) -> new ImageView(
                        rs.getString("viewer"),
                        rs.getString("image_id"),
                        rs.getString("material_code"),
                        rs.getTimestamp("viewed_at").toInstant()))
                .list();
    }

    /** Deletes the record of these candidates' cases (retention). @return how many views were deleted */
    int deleteOf(Collection<String> candidateNos) {
        if (candidateNos.isEmpty()) {
            return 0;
        }
        return jdbc.sql("DELETE FROM image_view WHERE candidate_no IN (:candidateNos)")
                .param("candidateNos", candidateNos)
                .update();
    }
}
