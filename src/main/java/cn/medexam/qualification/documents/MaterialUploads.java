package cn.medexam.qualification.documents;

import cn.medexam.qualification.campaign.Campaigns;
import cn.medexam.qualification.checklist.ChecklistEntry;
import cn.medexam.qualification.checklist.Checklists;
import cn.medexam.qualification.registration.Registration;
import cn.medexam.qualification.registration.Registrations;
import cn.medexam.qualification.system.CaseActivities;
import cn.medexam.qualification.system.DomainException;
import cn.medexam.qualification.system.EngineClock;
import cn.medexam.qualification.system.ReviewProperties;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A candidate's uploads, deletions and submission. Every image is checked ({@link ImageInspector}) and committed
 * before the answer; a material with a locked image takes no more images (it was submitted and not returned).
 * A re-sent image (same bytes, same material) is the image already kept. A returned material is resubmitted only
 * with a new image.
 */
@Service
public class MaterialUploads {

    /** The candidate's own tasks in which images may change. */
    private static final List<String> UPLOAD_TASKS =
            List.of(CaseActivities.UPLOAD_MATERIALS, CaseActivities.RESUBMIT_MATERIALS);

    /** The ID photo (证件照): its own rules (JPEG under 30 KB, white background, the small two-inch shape). */
    static final String PHOTO = "PHOTO";

    private final DocumentStore store;
    private final ImageInspector inspector;
    private final Checklists checklists;
    private final Registrations registrations;
    private final Campaigns campaigns;
    private final TaskService taskService;
    private final EngineClock clock;
    private final ReviewProperties properties;
    private final TransactionTemplate transaction;
    private final ImageViews imageViews;
    private final TruthfulnessPledges pledges;
    private final ImageFingerprints fingerprints;

    MaterialUploads(
            DocumentStore store,
            ImageInspector inspector,
            Checklists checklists,
            Registrations registrations,
            Campaigns campaigns,
            TaskService taskService,
            EngineClock clock,
            ReviewProperties properties,
            TransactionTemplate transaction,
            ImageViews imageViews,
            TruthfulnessPledges pledges,
            ImageFingerprints fingerprints) {
        this.fingerprints = fingerprints;
        this.imageViews = imageViews;
        this.pledges = pledges;
        this.transaction = transaction;
        this.store = store;
        this.inspector = inspector;
        this.checklists = checklists;
        this.registrations = registrations;
        this.campaigns = campaigns;
        this.taskService = taskService;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * Checks and keeps one image. The checks run before any database connection is taken (they are the slow part);
     * the keeping is one short transaction that holds the candidate's row lock, as submitting does, so an image
     * never slips in beside a submission.
     */
    public MaterialImage upload(String candidateNo, String materialCode, byte[] bytes) {
        ChecklistEntry material = activeMaterial(candidateNo, materialCode);
        requireOpenUploadTask(candidateNo);
        requireUploadOpen(candidateNo);
        Optional<MaterialImage> resent = keptUnlocked(candidateNo, material, bytes);
        if (resent.isPresent()) {
            return resent.get();
        }
        requireUnlockedAndRoom(candidateNo, material);
        InspectedImage inspected = inspect(materialCode, bytes);
        try {
            return transaction.execute(status -> {
                lockCandidate(candidateNo);
                requireOpenUploadTask(candidateNo);
                MaterialImage stored =
                        store.add(candidateNo, materialCode, inspected.contentType(), bytes, clock.now());
                fingerprints.keep(stored, inspected.differenceHash()); // duplicates across candidates
                List<MaterialImage> images = imagesOf(candidateNo, materialCode);
                if (images.stream().anyMatch(MaterialImage::locked)) {
                    throw materialLocked();
                }
                if (images.size() > material.maxImages()) {
                    throw full(material);
                }
                return stored;
            });
        } catch (DuplicateKeyException sameBytesAtOnce) {
            // unique (candidate_no, material_code, sha256): a concurrent request kept these bytes first; its
            // transaction committed, ours rolled back. The answer is the image it kept.
            return keptUnlocked(candidateNo, material, bytes).orElseThrow(() -> sameBytesAtOnce);
        }
    }

    /** The checks an image of this material goes through when uploaded; the photo check runs them for PHOTO. */
    InspectedImage inspect(String materialCode, byte[] bytes) {
        return inspector.inspect(bytes, PHOTO.equals(materialCode));
    }

    /**
     * A re-send of bytes already kept for this material: the kept image, whether the material is full or not (the
     * re-send adds nothing). A locked material still refuses it.
     */
    private Optional<MaterialImage> keptUnlocked(String candidateNo, ChecklistEntry material, byte[] bytes) {
        Optional<MaterialImage> kept = store.kept(candidateNo, material.code(), bytes);
        if (kept.isPresent() && imagesOf(candidateNo, material.code()).stream().anyMatch(MaterialImage::locked)) {
            throw materialLocked();
        }
        return kept;
    }

    @Transactional
    public void delete(String candidateNo, String materialCode, String imageId) {
        lockCandidate(candidateNo);
        MaterialImage image = imagesOf(candidateNo, materialCode).stream()
                .filter(i -> i.id().equals(imageId))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("未找到该图片"));
        if (image.locked() || !store.deleteUnlocked(candidateNo, imageId)) {
            throw DomainException.conflict("IMAGE_LOCKED", "该图片已提交锁定，不能删除");
        }
    }

    public Optional<ImageContent> content(String candidateNo, String materialCode, String imageId) {
        return imagesOf(candidateNo, materialCode).stream()
                .filter(i -> i.id().equals(imageId))
                .findFirst()
                .flatMap(image ->
                        store.content(candidateNo, imageId).map(bytes -> new ImageContent(image.contentType(), bytes)));
    }

    /**
     * 提交审核: completes the candidate's open upload task (in campaigns that ask for it, only after this round's
     * truthfulness pledge, {@link TruthfulnessPledges}); the process verifies, locks and notifies in the same
     * transaction. Concurrent submissions of one candidate queue on the registration row: exactly one completes.
     */
    @Transactional
    public void submit(String candidateNo) {
        lockCandidate(candidateNo);
        Task task = openUploadTask(candidateNo)
                .orElseThrow(
                        () -> DomainException.conflict("NOT_OPEN_FOR_SUBMISSION", "当前没有待提交的材料：材料已提交锁定，或已超过提交截止时间"));
        pledges.requireFor(candidateNo, task);
        Map<String, Integer> counts = store.imageCounts(candidateNo);
        List<String> missing = checklists.requiredCodes(candidateNo).stream()
                .filter(code -> counts.getOrDefault(code, 0) == 0)
                .toList();
        if (!missing.isEmpty()) {
            throw new MaterialsMissingException(missing);
        }
        requireReturnedReplaced(candidateNo);
        taskService.complete(task.getId());
    }

    /** Each material the latest review returned has an image other than those it was returned with. */
    void requireReturnedReplaced(String candidateNo) {
        List<String> notReplaced = store.notReplaced(candidateNo);
        if (!notReplaced.isEmpty()) {
            Map<String, String> names = checklists.materialNames();
            throw new ReturnedNotReplacedException(
                    notReplaced,
                    notReplaced.stream()
                            .map(code -> names.getOrDefault(code, code))
                            .toList());
        }
    }

    /** The materials of the latest return still without a new image (none once they are all replaced). */
    public List<String> notReplaced(String candidateNo) {
        return store.notReplaced(candidateNo);
    }

    public Optional<Task> openUploadTask(String candidateNo) {
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey(candidateNo)
                .taskAssignee(candidateNo)
                .taskDefinitionKeyIn(UPLOAD_TASKS.toArray(String[]::new))
                .list()
                .stream()
                .findFirst();
    }

    /** Uploads, deletions and the submission of one candidate take turns on the registration row. */
    private void lockCandidate(String candidateNo) {
        registrations.lockForUpdate(candidateNo);
    }

    /** Early answers before the checks, re-checked when the image is kept. */
    private void requireUnlockedAndRoom(String candidateNo, ChecklistEntry material) {
        List<MaterialImage> images = imagesOf(candidateNo, material.code());
        if (images.stream().anyMatch(MaterialImage::locked)) {
            throw materialLocked();
        }
        if (images.size() >= material.maxImages()) {
            throw full(material);
        }
    }

    private static DomainException materialLocked() {
        return DomainException.conflict("MATERIAL_LOCKED", "该材料已提交锁定，不能再上传；如审核退回，退回的材料会解锁");
    }

    private static DomainException full(ChecklistEntry material) {
        return DomainException.conflict(
                "MAX_IMAGES_REACHED", "“" + material.name() + "”最多上传 " + material.maxImages() + " 张图片，请先删除不需要的图片");
    }

    private void requireOpenUploadTask(String candidateNo) {
        if (openUploadTask(candidateNo).isEmpty()) {
            throw DomainException.conflict("CASE_LOCKED", "上报完成，内容已锁定：当前不能上传或修改材料");
        }
    }

    private void requireUploadOpen(String candidateNo) {
        Registration registration = registrations.require(candidateNo);
        var opens = campaigns.of(registration.region(), registration.examYear()).uploadOpens();
        if (clock.now().atZone(properties.timeZone()).toLocalDate().isBefore(opens)) {
            throw DomainException.conflict("UPLOAD_NOT_OPEN", "材料上传将于" + opens + "开始，请届时再上传");
        }
    }

    private ChecklistEntry activeMaterial(String candidateNo, String materialCode) {
        return checklists.activeMaterials(candidateNo).stream()
                .filter(m -> m.code().equals(materialCode))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("您的材料清单中没有“" + materialCode + "”这项材料"));
    }

    private List<MaterialImage> imagesOf(String candidateNo, String materialCode) {
        return store.images(candidateNo).stream()
                .filter(image -> image.materialCode().equals(materialCode))
                .toList();
    }

    /** What {@link #erase} deleted. */
    public record Erased(int images, int imageViews) {}

    /**
     * Deletes these candidates' images and the record of staff views of them (retention of a campaign's data), in
     * the caller's transaction. Deleting what is already gone deletes nothing.
     */
    public Erased erase(Collection<String> candidateNos) {
        fingerprints.deleteOf(candidateNos);
        return new Erased(store.deleteAllOf(candidateNos), imageViews.deleteOf(candidateNos));
    }
}
