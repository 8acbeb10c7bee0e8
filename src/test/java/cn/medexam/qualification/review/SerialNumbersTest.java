package cn.medexam.qualification.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.EngineTest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** 序列号 are unique per region and year, also when many reviewers pass candidates at the same moment. */
@EngineTest
class SerialNumbersTest {

    @Autowired
    SerialNumbers serialNumbers;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void reviewersPassingCandidatesAtOnceNeverShareASerialNumber() throws Exception {
        List<String> candidates = IntStream.range(0, 40)
                .mapToObj(i -> new Applicant().candidateNo)
                .toList();
        ExecutorService reviewers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<String>> passes = candidates.stream()
                    .<Callable<String>>map(candidateNo -> () -> transaction.execute(
                            status -> serialNumbers.assign(candidateNo, Region.SHANDONG, 2027, Instant.now())))
                    .toList();
            List<String> serials = reviewers.invokeAll(passes).stream()
                    .map(SerialNumbersTest::result)
                    .toList();

            assertThat(serials).hasSize(40).doesNotHaveDuplicates().allMatch(serial -> serial.matches("202737\\d{6}"));
        } finally {
            reviewers.shutdown();
        }
    }

    @Test
    void aPassStillOpenDoesNotHoldUpTheNextReviewersPass() throws Exception {
        String slow = new Applicant().candidateNo;
        String next = new Applicant().candidateNo;
        CountDownLatch numbered = new CountDownLatch(1);
        CountDownLatch nextPassDone = new CountDownLatch(1);
        ExecutorService reviewers = Executors.newFixedThreadPool(2);
        try {
            Future<String> slowPass = reviewers.submit(() -> transaction.execute(status -> {
                String serial = serialNumbers.assign(slow, Region.SICHUAN, 2027, Instant.now());
                numbered.countDown();
                await(nextPassDone);
                return serial;
            }));
            await(numbered);
            String nextSerial = reviewers
                    .submit(() -> transaction.execute(
                            status -> serialNumbers.assign(next, Region.SICHUAN, 2027, Instant.now())))
                    .get(20, TimeUnit.SECONDS);
            nextPassDone.countDown();

            assertThat(nextSerial)
                    .isNotEqualTo(slowPass.get(20, TimeUnit.SECONDS))
                    .startsWith("202751");
        } finally {
            nextPassDone.countDown();
            reviewers.shutdown();
        }
    }

    @Test
    void aPassRolledBackLeavesAGapAndNoNumber() {
        String rolledBack = new Applicant().candidateNo;
        String after = new Applicant().candidateNo;
        String before = transaction.execute(
                status -> serialNumbers.assign(new Applicant().candidateNo, Region.LIAONING, 2027, Instant.now()));

        transaction.executeWithoutResult(status -> {
            serialNumbers.assign(rolledBack, Region.LIAONING, 2027, Instant.now());
            status.setRollbackOnly();
        });
        String following =
                transaction.execute(status -> serialNumbers.assign(after, Region.LIAONING, 2027, Instant.now()));

        assertThat(serialNumbers.of(rolledBack)).isEmpty();
        assertThat(Long.parseLong(following)).isEqualTo(Long.parseLong(before) + 2);
    }

    @Test
    void aCandidatePassedAgainKeepsTheirNumber() {
        String candidateNo = new Applicant().candidateNo;

        String first =
                transaction.execute(status -> serialNumbers.assign(candidateNo, Region.HUNAN, 2027, Instant.now()));
        String again =
                transaction.execute(status -> serialNumbers.assign(candidateNo, Region.HUNAN, 2027, Instant.now()));

        assertThat(again).isEqualTo(first).startsWith("202743");
        assertThat(serialNumbers.of(candidateNo)).contains(first);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("waited 20 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String result(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
