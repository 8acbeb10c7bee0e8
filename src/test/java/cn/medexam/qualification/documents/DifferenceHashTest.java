package cn.medexam.qualification.documents;

import static cn.medexam.qualification.documents.DuplicateImagesTest.hash;
import static cn.medexam.qualification.documents.DuplicateImagesTest.reencoded;
import static cn.medexam.qualification.documents.DuplicateImagesTest.resized;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The perceptual hash tells the same picture (the same bytes, re-encoded as JPEG, resized) from another document
 * photographed the same way: distances within {@link ImageFingerprints#NEAR} bits and well beyond it.
 */
class DifferenceHashTest {

    @Test
    void theSamePictureIsNearAnotherDocumentIsFar() throws IOException {
        for (long seed : new long[] {3, 17, 4242}) {
            byte[] original = TestImages.jpegAtMost(TestImages.document(1000, 1300, seed), 190_000);
            long[] hash = hash(original);
            int reencoded = DifferenceHash.distance(hash, hash(reencoded(original)));
            int resized = DifferenceHash.distance(hash, hash(resized(original)));
            List<Integer> others = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                others.add(DifferenceHash.distance(
                        hash, hash(TestImages.jpegAtMost(TestImages.document(1000, 1300, seed + i), 190_000))));
            }
            System.out.printf(
                    "dHash distances (of %d bits): re-encoded %d, resized %d, other documents %s%n",
                    DifferenceHash.BITS, reencoded, resized, others);
            assertThat(DifferenceHash.distance(hash, hash(original.clone()))).isZero();
            assertThat(reencoded).isLessThanOrEqualTo(ImageFingerprints.NEAR);
            assertThat(resized).isLessThanOrEqualTo(ImageFingerprints.NEAR);
            assertThat(others).allSatisfy(d -> assertThat(d).isGreaterThan(ImageFingerprints.NEAR));
        }
    }
}
