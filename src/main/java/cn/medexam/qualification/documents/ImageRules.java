package cn.medexam.qualification.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every threshold of {@link ImageInspector}, under {@code qr.images.*}. An absent value takes the default below, so no
 * YAML is needed; docs/image-checks.md says why each default is what it is.
 *
 * @param maxBytes               largest accepted file, in bytes (SPEC: 200 KB = 204,800; exactly that is accepted)
 * @param maxPixels              pixel budget read from the header: more pixels than this is refused before decoding
 * @param maxSide                longest accepted side in pixels, read from the header
 * @param minShortSide           shortest side a document image must have to be readable, in pixels
 * @param analysisWidth          images are scaled down to at most this width (and twice its square in pixels) before
 *                               sharpness and background are measured
 * @param maxDecodedPixels       decoding subsamples the source so the decoded raster has at most about this many pixels
 * @param minSharpness           documents measuring less sharpness than this are refused as blurry
 * @param photoMaxBytes          ID photos must be smaller than this, in bytes (SPEC: under 30 KB, so 30,720 is refused)
 * @param photoMinShortSide      shortest side an ID photo must have, in pixels
 * @param photoMinSharpness      ID photos measuring less sharpness than this are refused as blurry
 * @param photoAspectRatio       width / height of the small two-inch photo, 33 mm / 48 mm
 * @param photoAspectTolerance   relative tolerance on {@code photoAspectRatio} (0.03 = ±3 %)
 * @param photoBorder            width of the border strips examined for the background, as a share of the side
 * @param photoWhiteMinLuma      a background pixel is white when its luma is at least this (0–255) …
 * @param photoWhiteMaxChroma    … and max(R,G,B) − min(R,G,B) is at most this (0–255)
 * @param photoWhiteMinShare     share of the border pixels that must be white
 */
@ConfigurationProperties("qr.images")
public record ImageRules(
        Integer maxBytes,
        Long maxPixels,
        Integer maxSide,
        Integer minShortSide,
        Integer analysisWidth,
        Integer maxDecodedPixels,
        Double minSharpness,
        Integer photoMaxBytes,
        Integer photoMinShortSide,
        Double photoMinSharpness,
        Double photoAspectRatio,
        Double photoAspectTolerance,
        Double photoBorder,
        Integer photoWhiteMinLuma,
        Integer photoWhiteMaxChroma,
        Double photoWhiteMinShare) {

    public ImageRules {
        maxBytes = positive(maxBytes, 204_800, "max-bytes");
        maxPixels = maxPixels == null ? 40_000_000L : maxPixels;
        maxSide = positive(maxSide, 10_000, "max-side");
        minShortSide = positive(minShortSide, 600, "min-short-side");
        analysisWidth = positive(analysisWidth, 800, "analysis-width");
        maxDecodedPixels = positive(maxDecodedPixels, 4_000_000, "max-decoded-pixels");
        minSharpness = bounded(minSharpness, 40.0, Double.MAX_VALUE, "min-sharpness");
        photoMaxBytes = positive(photoMaxBytes, 30_720, "photo-max-bytes");
        photoMinShortSide = positive(photoMinShortSide, 240, "photo-min-short-side");
        photoMinSharpness = bounded(photoMinSharpness, 40.0, Double.MAX_VALUE, "photo-min-sharpness");
        photoAspectRatio = bounded(photoAspectRatio, 33.0 / 48.0, 100, "photo-aspect-ratio");
        photoAspectTolerance = bounded(photoAspectTolerance, 0.03, 1, "photo-aspect-tolerance");
        photoBorder = bounded(photoBorder, 0.08, 0.5, "photo-border");
        photoWhiteMinLuma = positive(photoWhiteMinLuma, 200, "photo-white-min-luma");
        photoWhiteMaxChroma = positive(photoWhiteMaxChroma, 40, "photo-white-max-chroma");
        photoWhiteMinShare = bounded(photoWhiteMinShare, 0.85, 1, "photo-white-min-share");
        if (maxPixels <= 0) {
            throw new IllegalArgumentException("qr.images.max-pixels must be positive");
        }
    }

    /** Every default: what the application runs with when {@code qr.images.*} is not set. */
    public static ImageRules defaults() {
        return new ImageRules(
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static Integer positive(Integer value, int fallback, String name) {
        if (value == null) {
            return fallback;
        }
        if (value <= 0) {
            throw new IllegalArgumentException("qr.images." + name + " must be positive, was " + value);
        }
        return value;
    }

    private static Double bounded(Double value, double fallback, double max, String name) {
        if (value == null) {
            return fallback;
        }
        if (!(value >= 0 && value <= max)) {
            throw new IllegalArgumentException(
                    "qr.images." + name + " must be between 0 and " + max + ", was " + value);
        }
        return value;
    }
}
