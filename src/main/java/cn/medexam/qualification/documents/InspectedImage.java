package cn.medexam.qualification.documents;

/**
 * An image that passed every check.
 *
 * @param contentType the real type read from the bytes: {@code image/jpeg} or {@code image/png}
 * @param width       pixel width from the header
 * @param height      pixel height from the header
 * @param sharpness   the measured sharpness (see {@link ImageInspector}); higher is sharper
 * @param differenceHash the perceptual hash of the picture ({@link DifferenceHash}), for duplicates across candidates
 */
public record InspectedImage(String contentType, int width, int height, double sharpness, String differenceHash) {}
