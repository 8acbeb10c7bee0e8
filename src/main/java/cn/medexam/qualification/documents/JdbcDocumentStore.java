package cn.medexam.qualification.documents;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcDocumentStore implements DocumentStore {

    private static final String METADATA = """
            SELECT id, candidate_no, material_code, content_type, size_bytes, sha256, uploaded_at, locked_at
              FROM material_image""";

    private final JdbcClient jdbc;

    JdbcDocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public MaterialImage add(String candidateNo, String materialCode, String contentType, byte[] content, Instant now) {
        String sha256 = sha256(content);
        Optional<MaterialImage> same = kept(candidateNo, materialCode, sha256);
        if (same.isPresent()) {
            return same.get();
        }
        MaterialImage image = new MaterialImage(
                UUID.randomUUID().toString(),
                candidateNo,
                materialCode,
                contentType,
                content.length,
                sha256,
                now,
                null);
        jdbc.sql("""
                        INSERT INTO material_image (id, candidate_no, material_code, content_type, size_bytes, sha256,
                                                    content, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        image.id(),
                        candidateNo,
                        materialCode,
                        contentType,
                        content.length,
                        sha256,
                        content,
                        Timestamp.from(now))
                .update();
        return image;
    }

    @Override
    public Optional<MaterialImage> kept(String candidateNo, String materialCode, byte[] content) {
        return kept(candidateNo, materialCode, sha256(content));
    }

    private Optional<MaterialImage> kept(String candidateNo, String materialCode, String sha256) {
        return jdbc.sql(METADATA + " WHERE candidate_no = ? AND material_code = ? AND sha256 = ?")
                .params(candidateNo, materialCode, sha256)
                .query(JdbcDocumentStore::map)
                .optional();
    }

    @Override
    public List<MaterialImage> images(String candidateNo) {
        return jdbc.sql(METADATA + " WHERE candidate_no = ? ORDER BY material_code, uploaded_at, id")
                .param(candidateNo)
                .query(JdbcDocumentStore::map)
                .list();
    }

    @Override
    public Optional<byte[]> content(String candidateNo, String imageId) {
        return jdbc.sql("SELECT content FROM material_image WHERE candidate_no = ? AND id = ?")
                .params(candidateNo, imageId)
                .query((rs, row) -> rs.getBytes("content"))
                .optional();
    }

    @Override
    public boolean deleteUnlocked(String candidateNo, String imageId) {
        return jdbc.sql("DELETE FROM material_image WHERE candidate_no = ? AND id = ? AND locked_at IS NULL")
                        .params(candidateNo, imageId)
                        .update()
                > 0;
    }

    @Override
    public Map<String, Integer> imageCounts(String candidateNo) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT material_code, COUNT(*) AS images FROM material_image WHERE candidate_no = ? GROUP BY material_code")
                .param(candidateNo)
                .query(rs -> {
                    counts.put(rs.getString("material_code"), rs.getInt("images"));
                });
        return counts;
    }

    @Override
    public int lockAll(String candidateNo, Instant at) {
        return jdbc.sql("UPDATE material_image SET locked_at = ? WHERE candidate_no = ? AND locked_at IS NULL")
                .params(Timestamp.from(at), candidateNo)
                .update();
    }

    @Override
    public int unlock(String candidateNo, Collection<String> materialCodes) {
        jdbc.sql("DELETE FROM returned_image WHERE candidate_no = ?")
                .param(candidateNo)
                .update();
        jdbc.sql("DELETE FROM returned_material WHERE candidate_no = ?")
                .param(candidateNo)
                .update();
        if (materialCodes.isEmpty()) {
            return 0;
        }
        for (String code : materialCodes) {
            jdbc.sql("INSERT INTO returned_material (candidate_no, material_code) VALUES (?, ?)")
                    .params(candidateNo, code)
                    .update();
        }
        jdbc.sql("""
                        INSERT INTO returned_image (candidate_no, material_code, sha256)
                        SELECT DISTINCT candidate_no, material_code, sha256 FROM material_image
                         WHERE candidate_no = :candidateNo AND material_code IN (:codes)""")
                .param("candidateNo", candidateNo)
                .param("codes", materialCodes)
                .update();
        return jdbc.sql(
                        "UPDATE material_image SET locked_at = NULL WHERE candidate_no = :candidateNo AND material_code IN (:codes)")
                .param("candidateNo", candidateNo)
                .param("codes", materialCodes)
                .update();
    }

    @Override
    public List<String> notReplaced(String candidateNo) {
        return jdbc.sql("""
                        SELECT r.material_code FROM returned_material r
                         WHERE r.candidate_no = ?
                           AND NOT EXISTS (SELECT 1 FROM material_image i
                                            WHERE i.candidate_no = r.candidate_no AND i.material_code = r.material_code
                                              AND NOT EXISTS (SELECT 1 FROM returned_image x
                                                               WHERE x.candidate_no = i.candidate_no
                                                                 AND x.material_code = i.material_code
                                                                 AND x.sha256 = i.sha256))
                         ORDER BY r.material_code""").param(candidateNo).query(String.class).list();
    }

    @Override
    public Set<String> returnedImages(String candidateNo) {
        return Set.copyOf(jdbc.sql("""
                        SELECT i.id FROM material_image i
                          JOIN returned_image x ON x.candidate_no = i.candidate_no
                                               AND x.material_code = i.material_code AND x.sha256 = i.sha256
                         WHERE i.candidate_no = ?""").param(candidateNo).query(String.class).list());
    }

    private static MaterialImage map(ResultSet rs, int row) throws SQLException {
        Timestamp lockedAt = rs.getTimestamp("locked_at");
        return new MaterialImage(
                rs.getString("id"),
                rs.getString("candidate_no"),
                rs.getString("material_code"),
                rs.getString("content_type"),
                rs.getInt("size_bytes"),
                rs.getString("sha256"),
                rs.getTimestamp("uploaded_at").toInstant(),
                lockedAt == null ? null : lockedAt.toInstant());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    @Override
    public int deleteAllOf(Collection<String> candidateNos) {
        if (candidateNos.isEmpty()) {
            return 0;
        }
        for (String table : new String[] {"returned_image", "returned_material"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE candidate_no IN (:candidateNos)")
                    .param("candidateNos", candidateNos)
                    .update();
        }
        return jdbc.sql("DELETE FROM material_image WHERE candidate_no IN (:candidateNos)")
                .param("candidateNos", candidateNos)
                .update();
    }
}
