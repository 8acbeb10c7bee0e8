package cn.medexam.qualification.documents;

import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.system.EngineClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Duplicate images across candidates. When an image is kept, its SHA-256 and its perceptual hash ({@link
 * DifferenceHash}) are recorded once, and it is compared with every image of the same campaign (region and exam
 * year) uploaded by <em>other</em> candidates: a pair within {@link #NEAR} bits (the same picture, re-encoded or
 * resized) is recorded in {@code image_duplicate}. Reviewers see the pairs beside the images; administrators list
 * them as groups. A candidate photographing a document again is not a duplicate across candidates.
 *
 * <p>The comparison runs against an in-memory index per campaign (32 bytes an image: 400,000 images compare in a few
 * milliseconds), which catches up with the table by its sequence before each comparison, so images kept by other
 * nodes count as well. Two near-identical images kept at the same moment on two nodes may miss each other.
 */
@Component
public class ImageFingerprints {

    /** At most this many of the 256 bits differ between two pictures that are the same picture. */
    static final int NEAR = 16;

    /** Another candidate's near-identical image. */
    public record Duplicate(String imageId, String candidateNo, String materialCode, Instant uploadedAt) {}

    /** One image of a group of near-identical images of different candidates. */
    public record GroupMember(String candidateNo, String material, String imageId, Instant uploadedAt) {}

    private final JdbcClient jdbc;
    private final Registrations registrations;
    private final EngineClock clock;
    private final Map<String, CampaignIndex> indexes = new ConcurrentHashMap<>();

    ImageFingerprints(JdbcClient jdbc, Registrations registrations, EngineClock clock) {
        this.jdbc = jdbc;
        this.registrations = registrations;
        this.clock = clock;
    }

    /**
     * Records a kept image's hashes (its SHA-256 and the perceptual hash its inspection computed) and its duplicates
     * among other candidates' images; idempotent.
     */
    public void keep(MaterialImage image, String differenceHash) {
        if (jdbc.sql("SELECT COUNT(*) FROM image_fingerprint WHERE image_id = ?")
                        .param(image.id())
                        .query(Integer.class)
                        .single()
                > 0) {
            return;
        }
        Optional<Registration> registration = registrations.find(image.candidateNo());
        if (registration.isEmpty()) {
            return;
        }
        String region = registration.get().region().name();
        int year = registration.get().examYear();
        CampaignIndex index = indexes.computeIfAbsent(region + "/" + year, key -> new CampaignIndex(region, year));
        long[] words = DifferenceHash.words(differenceHash);
        Map<String, Integer> near = index.near(jdbc, words, image.sha256(), image.candidateNo());
        jdbc.sql("""
                        INSERT INTO image_fingerprint (image_id, candidate_no, material_code, region, exam_year, sha256,
                                                       dhash, uploaded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        image.id(),
                        image.candidateNo(),
                        image.materialCode(),
                        region,
                        year,
                        image.sha256(),
                        differenceHash,
                        Timestamp.from(image.uploadedAt()))
                .update();
        Timestamp now = Timestamp.from(clock.now());
        near.forEach((other, distance) -> jdbc.sql(
                        "INSERT INTO image_duplicate (image_id, other_image_id, distance, found_at) VALUES (?, ?, ?, ?)")
                .params(image.id(), other, distance, now)
                .update());
    }

    /** For each of these images, the other candidates' near-identical images that still exist. */
    public Map<String, List<Duplicate>> duplicatesOf(Collection<String> imageIds) {
        Map<String, List<Duplicate>> found = new LinkedHashMap<>();
        if (imageIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT d.mine, f.image_id, f.candidate_no, f.material_code, f.uploaded_at
                          FROM (SELECT image_id AS mine, other_image_id AS theirs FROM image_duplicate
                                 WHERE image_id IN (:ids)
                                UNION
                                SELECT other_image_id AS mine, image_id AS theirs FROM image_duplicate
                                 WHERE other_image_id IN (:ids)) d
                          JOIN image_fingerprint f ON f.image_id = d.theirs
                          JOIN material_image m ON m.id = f.image_id
                         ORDER BY f.uploaded_at""").param("ids", imageIds).query(rs -> {
            found.computeIfAbsent(rs.getString("mine"), id -> new ArrayList<>())
                    .add(new Duplicate(
                            rs.getString("image_id"),
                            rs.getString("candidate_no"),
                            rs.getString("material_code"),
                            rs.getTimestamp("uploaded_at").toInstant()));
        });
        return found;
    }

    /** A campaign's groups of near-identical images of different candidates (images still kept), oldest first. */
    public List<List<GroupMember>> groups(String region, int examYear) {
        Map<String, GroupMember> members = new HashMap<>();
        Map<String, String> parent = new HashMap<>();
        jdbc.sql("""
                        SELECT a.image_id AS a_id, a.candidate_no AS a_no, a.material_code AS a_material,
                               a.uploaded_at AS a_at, b.image_id AS b_id, b.candidate_no AS b_no,
                               b.material_code AS b_material, b.uploaded_at AS b_at
                          FROM image_duplicate d
                          JOIN image_fingerprint a ON a.image_id = d.image_id
                          JOIN image_fingerprint b ON b.image_id = d.other_image_id
                          JOIN material_image ma ON ma.id = a.image_id
                          JOIN material_image mb ON mb.id = b.image_id
                         WHERE a.region = ? AND a.exam_year = ?""").params(region, examYear).query(rs -> {
            String a = rs.getString("a_id");
            String b = rs.getString("b_id");
            members.putIfAbsent(
                    a,
                    new GroupMember(
                            rs.getString("a_no"),
                            rs.getString("a_material"),
                            a,
                            rs.getTimestamp("a_at").toInstant()));
            members.putIfAbsent(
                    b,
                    new GroupMember(
                            rs.getString("b_no"),
                            rs.getString("b_material"),
                            b,
                            rs.getTimestamp("b_at").toInstant()));
            union(parent, a, b);
        });
        Map<String, List<GroupMember>> groups = new LinkedHashMap<>();
        members.values().stream()
                .sorted((x, y) -> x.uploadedAt().compareTo(y.uploadedAt()))
                .forEach(m -> groups.computeIfAbsent(root(parent, m.imageId()), r -> new ArrayList<>())
                        .add(m));
        return groups.values().stream()
                .filter(g -> g.stream().map(GroupMember::candidateNo).distinct().count() > 1)
                .sorted((x, y) -> x.get(0).uploadedAt().compareTo(y.get(0).uploadedAt()))
                .toList();
    }

    /** Retention: the fingerprints and pairs of these candidates' images. @return fingerprints deleted */
    public int deleteOf(Collection<String> candidateNos) {
        if (candidateNos.isEmpty()) {
            return 0;
        }
        jdbc.sql("""
                        DELETE FROM image_duplicate
                         WHERE image_id IN (SELECT image_id FROM image_fingerprint WHERE candidate_no IN (:nos))
                            OR other_image_id IN (SELECT image_id FROM image_fingerprint WHERE candidate_no IN (:nos))""").param("nos", candidateNos).update();
        return jdbc.sql("DELETE FROM image_fingerprint WHERE candidate_no IN (:nos)")
                .param("nos", candidateNos)
                .update();
    }

    private static void union(Map<String, String> parent, String a, String b) {
        String ra = root(parent, a);
        String rb = root(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        while (parent.containsKey(r)) {
            r = parent.get(r);
        }
        return r;
    }

    /** The hashes of one campaign's images, appended in the table's order. */
    private static final class CampaignIndex {

        private final String region;
        private final int year;
        private long lastSeq;
        private int size;
        private long[] hashes = new long[4 * 1024];
        private String[] imageIds = new String[1024];
        private String[] candidates = new String[1024];
        private String[] digests = new String[1024];

        CampaignIndex(String region, int year) {
            this.region = region;
            this.year = year;
        }

        /** Other candidates' images within {@link #NEAR} bits (or with the same bytes): image id to distance. */
        synchronized Map<String, Integer> near(JdbcClient jdbc, long[] hash, String sha256, String candidateNo) {
            catchUp(jdbc);
            Map<String, Integer> near = new LinkedHashMap<>();
            long[] other = new long[4];
            for (int i = 0; i < size; i++) {
                if (candidates[i].equals(candidateNo)) {
                    continue;
                }
                System.arraycopy(hashes, i * 4, other, 0, 4);
                int distance = DifferenceHash.distance(hash, other);
                if (distance <= NEAR || digests[i].equals(sha256)) {
                    near.put(imageIds[i], digests[i].equals(sha256) ? 0 : distance);
                }
            }
            return near;
        }

        private void catchUp(JdbcClient jdbc) {
            jdbc.sql("""
                            SELECT seq, image_id, candidate_no, sha256, dhash FROM image_fingerprint
                             WHERE region = ? AND exam_year = ? AND seq > ? ORDER BY seq""").params(region, year, lastSeq).query(rs -> {
                add(
                        rs.getString("image_id"),
                        rs.getString("candidate_no"),
                        rs.getString("sha256"),
                        rs.getString("dhash"));
                lastSeq = rs.getLong("seq");
            });
        }

        private void add(String imageId, String candidateNo, String sha256, String dhash) {
            if (size == imageIds.length) {
                int grown = size * 2;
                hashes = java.util.Arrays.copyOf(hashes, grown * 4);
                imageIds = java.util.Arrays.copyOf(imageIds, grown);
                candidates = java.util.Arrays.copyOf(candidates, grown);
                digests = java.util.Arrays.copyOf(digests, grown);
            }
            System.arraycopy(DifferenceHash.words(dhash), 0, hashes, size * 4, 4);
            imageIds[size] = imageId;
            candidates[size] = candidateNo;
            digests[size] = sha256;
            size++;
        }
    }
}
