package cn.medexam.qualification.documents;

import static cn.medexam.qualification.documents.ImageRejection.BLURRY;
import static cn.medexam.qualification.documents.ImageRejection.CORRUPT;
import static cn.medexam.qualification.documents.ImageRejection.DIMENSIONS_TOO_LARGE;
import static cn.medexam.qualification.documents.ImageRejection.EMPTY;
import static cn.medexam.qualification.documents.ImageRejection.NOT_UPRIGHT;
import static cn.medexam.qualification.documents.ImageRejection.PHOTO_BACKGROUND;
import static cn.medexam.qualification.documents.ImageRejection.PHOTO_NOT_JPEG;
import static cn.medexam.qualification.documents.ImageRejection.PHOTO_PROPORTIONS;
import static cn.medexam.qualification.documents.ImageRejection.PHOTO_TOO_LARGE;
import static cn.medexam.qualification.documents.ImageRejection.TOO_LARGE;
import static cn.medexam.qualification.documents.ImageRejection.TOO_SMALL;
import static cn.medexam.qualification.documents.ImageRejection.UNSUPPORTED_TYPE;

import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.png.PngChunk;
import com.drew.imaging.png.PngChunkReader;
import com.drew.imaging.png.PngChunkType;
import com.drew.lang.ByteArrayReader;
import com.drew.lang.StreamReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * The checks every uploaded image goes through before it is stored (SPEC.md section 3, issue 5), cheapest first:
 * every check that needs only the bytes, the header or the EXIF runs before anything is decoded, so its verdict wins
 * over those of the decoded pixels (a 1000 × 400 ID photo is told {@code PHOTO_PROPORTIONS}, not {@code BLURRY}):
 * <ol>
 * <li>{@code EMPTY}, {@code TOO_LARGE} (more than {@link ImageRules#maxBytes()} bytes);</li>
 * <li>the real type from the bytes (Apache Tika's magic, never the file name): only JPEG and PNG pass;</li>
 * <li>for the ID photo: JPEG only and fewer than {@link ImageRules#photoMaxBytes()} bytes;</li>
 * <li>width and height read from the header without decoding: an image bomb is refused before any raster exists;</li>
 * <li>too few pixels to read the content;</li>
 * <li>for the ID photo: the small two-inch shape, from the same header values;</li>
 * <li>EXIF orientation (metadata-extractor): rotated or mirrored images are refused, the candidate turns them upright;</li>
 * <li>decoding, subsampled so the raster stays under {@link ImageRules#maxDecodedPixels()} pixels (TwelveMonkeys
 * ImageIO reads CMYK/YCCK and progressive JPEGs); truncated or undecodable files are {@code CORRUPT};</li>
 * <li>sharpness: on a grayscale copy at most {@link ImageRules#analysisWidth()} wide, slightly smoothed against noise,
 * the variance of the Laplacian is taken in 32-pixel tiles and the 90th percentile of the tiles is the image's
 * sharpness, so blank margins of a page neither help nor hurt; below the threshold is {@code BLURRY};</li>
 * <li>for the ID photo: a white background (the top and upper side strips).</li>
 * </ol>
 * Thread-safe: every call makes and disposes its own {@link ImageReader}; the Tika facade and the reader providers
 * are shared and stateless.
 */
@Component
public class ImageInspector {

    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";

    private final ImageRules rules;
    private final Tika tika = new Tika();
    private final ImageReaderSpi jpegReaders;
    private final ImageReaderSpi pngReaders;

    public ImageInspector(ImageRules rules) {
        this.rules = rules;
        // In a packaged Spring Boot jar the registry may have been filled before the application class loader could
        // see TwelveMonkeys: scan again so its JPEG reader (CMYK, YCCK, odd JPEGs) is found.
        ImageIO.scanForPlugins();
        this.jpegReaders = readerProvider(JPEG, "com.twelvemonkeys.");
        this.pngReaders = readerProvider(PNG, "");
    }

    /**
     * Checks one upload.
     *
     * @param bytes        the uploaded file
     * @param idPhotoRules true for the ID photo in regions that ask for the photo rules
     * @return the real type, the dimensions and the measured sharpness
     * @throws ImageRejectedException with the first check that failed
     */
    public InspectedImage inspect(byte[] bytes, boolean idPhotoRules) {
        if (bytes == null || bytes.length == 0) {
            throw new ImageRejectedException(EMPTY);
        }
        if (bytes.length > rules.maxBytes()) {
            throw new ImageRejectedException(TOO_LARGE);
        }
        String type = tika.detect(bytes);
        if (!JPEG.equals(type) && !PNG.equals(type)) {
            throw new ImageRejectedException(UNSUPPORTED_TYPE);
        }
        if (idPhotoRules && !JPEG.equals(type)) {
            throw new ImageRejectedException(PHOTO_NOT_JPEG);
        }
        if (idPhotoRules && bytes.length >= rules.photoMaxBytes()) {
            throw new ImageRejectedException(PHOTO_TOO_LARGE);
        }
        ImageReader reader = createReader(type);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(in, true, true);
            int width = headerDimension(reader, true);
            int height = headerDimension(reader, false);
            checkDimensions(width, height, idPhotoRules);
            if (idPhotoRules) {
                checkPhotoShape(width, height);
            }
            checkUpright(bytes, type);
            // only the ID photo's background check needs colour; sharpness is measured on the luma alone
            ImageAnalysis analysis = analyse(decode(reader, width, height, warnings, !idPhotoRules));
            double sharpness = analysis.sharpness();
            if (sharpness < (idPhotoRules ? rules.photoMinSharpness() : rules.minSharpness())) {
                throw new ImageRejectedException(BLURRY);
            }
            if (idPhotoRules) {
                checkPhotoBackground(analysis);
            }
            return new InspectedImage(type, width, height, sharpness, analysis.differenceHash());
        } catch (IOException e) {
            throw new ImageRejectedException(CORRUPT, e);
        } finally {
            reader.dispose();
        }
    }

    /** The sharpness {@link #inspect} measures, for an image already decoded (calibration and tests). */
    double sharpnessOf(BufferedImage decoded) {
        return ImageAnalysis.of(decoded, rules.analysisWidth()).sharpness();
    }

    private static int headerDimension(ImageReader reader, boolean width) {
        int value;
        try {
            value = width ? reader.getWidth(0) : reader.getHeight(0);
        } catch (IOException | RuntimeException e) {
            throw new ImageRejectedException(CORRUPT, e);
        }
        if (value <= 0) {
            throw new ImageRejectedException(CORRUPT);
        }
        return value;
    }

    private void checkDimensions(int width, int height, boolean idPhotoRules) {
        if (Math.max(width, height) > rules.maxSide() || (long) width * height > rules.maxPixels()) {
            throw new ImageRejectedException(DIMENSIONS_TOO_LARGE);
        }
        if (Math.min(width, height) < (idPhotoRules ? rules.photoMinShortSide() : rules.minShortSide())) {
            throw new ImageRejectedException(TOO_SMALL);
        }
    }

    /**
     * Refuses EXIF orientations 2 to 8 (rotated and/or mirrored): browsers and viewers turn such an image when they
     * show it, so what the reviewer sees differs from the stored pixels. A missing tag, 1, or a value outside 1–8 (which
     * viewers ignore) is upright. Unreadable metadata is left to the decoder to judge.
     */
    private static void checkUpright(byte[] bytes, String type) {
        Metadata metadata;
        try {
            metadata = JPEG.equals(type) ? jpegExif(bytes) : pngExif(bytes);
        } catch (ImageProcessingException | IOException | RuntimeException e) {
            return;
        }
        Directory ifd0 = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
        Integer orientation = ifd0 == null ? null : ifd0.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
        if (orientation != null && orientation >= 2 && orientation <= 8) {
            throw new ImageRejectedException(NOT_UPRIGHT);
        }
    }

    /** The Exif of the APP1 segments only (segments are at most 64 KB each, so this is bounded by the file). */
    private static Metadata jpegExif(byte[] bytes) throws ImageProcessingException, IOException {
        return JpegMetadataReader.readMetadata(new ByteArrayInputStream(bytes), Set.of(new ExifReader()));
    }

    /**
     * The Exif of the {@code eXIf} chunk only: {@code PngMetadataReader} would also inflate zTXt, iTXt and iCCP chunks
     * in full, and 200 KB of deflate can hold 200 MB of text.
     */
    private static Metadata pngExif(byte[] bytes) throws ImageProcessingException, IOException {
        Metadata metadata = new Metadata();
        for (PngChunk chunk : new PngChunkReader()
                .extract(new StreamReader(new ByteArrayInputStream(bytes)), Set.of(PngChunkType.eXIf))) {
            new ExifReader().extract(new ByteArrayReader(chunk.getBytes()), metadata);
        }
        return metadata;
    }

    private BufferedImage decode(ImageReader reader, int width, int height, List<String> warnings, boolean lumaOnly) {
        ImageReadParam param = reader.getDefaultReadParam();
        int step = subsampling(width, height);
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage image;
        try {
            if (lumaOnly) {
                greyscale(reader).ifPresent(param::setDestinationType);
            }
            image = reader.read(0, param);
        } catch (IOException | RuntimeException e) {
            throw new ImageRejectedException(CORRUPT, e);
        }
        // libjpeg reports a truncated file ("Premature end of JPEG file") as a warning and fills the rest with grey
        if (image == null || warnings.stream().anyMatch(ImageInspector::isTruncation)) {
            throw new ImageRejectedException(CORRUPT);
        }
        return image;
    }

    /**
     * The reader's 8-bit grey output for an image stored as RGB, YCbCr or grey: a YCbCr JPEG then decodes its Y
     * channel only (libjpeg skips the chroma's inverse DCT, upsampling and colour conversion), which is the Rec. 601
     * luma the analysis measures. Not for CMYK and YCCK: their grey would leave out the black (K) channel, where a
     * printed page keeps its text.
     */
    private static Optional<ImageTypeSpecifier> greyscale(ImageReader reader) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        int stored = raw == null ? -1 : raw.getColorModel().getColorSpace().getType();
        if (raw == null
                || raw.getNumComponents() > 3
                || (stored != ColorSpace.TYPE_RGB && stored != ColorSpace.TYPE_GRAY)) {
            return Optional.empty();
        }
        for (Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0); types.hasNext(); ) {
            ImageTypeSpecifier type = types.next();
            if (type.getBufferedImageType() == BufferedImage.TYPE_BYTE_GRAY) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Colour conversion of a decoded image can still fail on a broken embedded ICC profile. */
    private ImageAnalysis analyse(BufferedImage decoded) {
        try {
            return ImageAnalysis.of(decoded, rules.analysisWidth());
        } catch (RuntimeException e) {
            throw new ImageRejectedException(CORRUPT, e);
        }
    }

    private static boolean isTruncation(String warning) {
        String w = warning == null ? "" : warning.toLowerCase();
        return w.contains("premature end") || w.contains("truncated") || w.contains("unexpected end");
    }

    /**
     * Decode every n-th pixel of every n-th row: the largest step that still leaves the image at least as wide as the
     * analysis, unless the decoding budget needs a larger one.
     */
    int subsampling(int width, int height) {
        int keepsAnalysisWidth = Math.max(1, width / rules.analysisWidth());
        int withinBudget = (int) Math.ceil(Math.sqrt((double) width * height / rules.maxDecodedPixels()));
        return Math.max(keepsAnalysisWidth, withinBudget);
    }

    /** From the header alone, so that a photo of the wrong shape is told so before anything is decoded. */
    private void checkPhotoShape(int width, int height) {
        double ratio = (double) width / height;
        if (Math.abs(ratio / rules.photoAspectRatio() - 1) > rules.photoAspectTolerance()) {
            throw new ImageRejectedException(PHOTO_PROPORTIONS);
        }
    }

    private void checkPhotoBackground(ImageAnalysis analysis) {
        double white =
                analysis.whiteBorderShare(rules.photoBorder(), rules.photoWhiteMinLuma(), rules.photoWhiteMaxChroma());
        if (white < rules.photoWhiteMinShare()) {
            throw new ImageRejectedException(PHOTO_BACKGROUND);
        }
    }

    private ImageReader createReader(String type) {
        try {
            return (JPEG.equals(type) ? jpegReaders : pngReaders).createReaderInstance();
        } catch (IOException e) {
            throw new IllegalStateException("no ImageIO reader for " + type, e);
        }
    }

    /** The reader provider for a type, preferring one whose class name starts with {@code preferred}. */
    private static ImageReaderSpi readerProvider(String mimeType, String preferred) {
        ImageReaderSpi found = null;
        Iterator<ImageReaderSpi> providers =
                IIORegistry.getDefaultInstance().getServiceProviders(ImageReaderSpi.class, true);
        while (providers.hasNext()) {
            ImageReaderSpi spi = providers.next();
            if (spi.getMIMETypes() != null
                    && Arrays.asList(spi.getMIMETypes()).contains(mimeType)
                    && (found == null || spi.getClass().getName().startsWith(preferred))) {
                found = spi;
                if (spi.getClass().getName().startsWith(preferred)) {
                    break;
                }
            }
        }
        if (found == null) {
            throw new IllegalStateException("no ImageIO reader for " + mimeType);
        }
        return found;
    }

    /** Reader provider in use for a type, for the tests. */
    String readerFor(String mimeType) {
        return (JPEG.equals(mimeType) ? jpegReaders : pngReaders).getClass().getName();
    }
}
