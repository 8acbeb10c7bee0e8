package cn.medexam.qualification.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.medexam.qualification.campaign.Region;
import cn.medexam.qualification.support.Applicant;
import cn.medexam.qualification.support.EngineTest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
    void aCandidatePassedAgainKeepsTheirNumber() {
        String candidateNo = new Applicant().candidateNo;

        String first =
                transaction.execute(status -> serialNumbers.assign(candidateNo, Region.HUNAN, 2027, Instant.now()));
        String again =
                transaction.execute(status -> serialNumbers.assign(candidateNo, Region.HUNAN, 2027, Instant.now()));

        assertThat(again).isEqualTo(first).startsWith("202743");
        assertThat(serialNumbers.of(candidateNo)).contains(first);
    }

    private static String result(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
