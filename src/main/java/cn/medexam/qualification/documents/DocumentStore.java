package cn.medexam.qualification.documents;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The application's image store: bytes in the application database, shared by every node, committed with the
 * step that wrote them. Image checks happen before {@link #add}; the store keeps what it is given.
 */
public interface DocumentStore {

    /** Keeps an image; the same bytes for the same material are kept once and the existing image is returned. */
    MaterialImage add(String candidateNo, String materialCode, String contentType, byte[] content, Instant now);

    /** The image of this material with exactly these bytes, if one is kept. */
    Optional<MaterialImage> kept(String candidateNo, String materialCode, byte[] content);

    List<MaterialImage> images(String candidateNo);

    Optional<byte[]> content(String candidateNo, String imageId);

    /** Deletes an unlocked image. @return false when there is no such unlocked image */
    boolean deleteUnlocked(String candidateNo, String imageId);

    /** Number of images per material code. */
    Map<String, Integer> imageCounts(String candidateNo);

    /** Locks every unlocked image of the candidate. @return how many were locked now */
    int lockAll(String candidateNo, Instant at);

    /** Deletes every image of these candidates, locked or not (retention). @return how many were deleted */
    int deleteAllOf(Collection<String> candidateNos);

    /**
     * Unlocks the images of the returned materials, so they can be replaced, and remembers them as this return's:
     * each of these materials is resubmitted only with a new image ({@link #notReplaced}).
     * @return how many were unlocked
     */
    int unlock(String candidateNo, Collection<String> materialCodes);

    /** The materials of the latest return that have no image other than those they had when they were returned. */
    List<String> notReplaced(String candidateNo);

    /** The ids of the candidate's images whose content is that of an image the latest return sent back. */
    Set<String> returnedImages(String candidateNo);
}
