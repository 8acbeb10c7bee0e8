package cn.medexam.qualification.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void phoneKeepsItsFirstThreeAndLastFourDigits() {
        assertThat(Masking.phone("13800138000")).isEqualTo("138****8000");
    }

    @Test
    void idNumberKeepsItsFirstAndLastFourCharacters() {
        assertThat(Masking.idNumber("37010219900101123X")).isEqualTo("3701**********123X");
    }

    @Test
    void freeTextHasEveryPhoneAndResidentIdMasked() {
        assertThat(Masking.inText("SMS to 13800138000 for 37010219900101123X, then 15912345678."))
                .isEqualTo("SMS to 138****8000 for 3701**********123X, then 159****5678.");
    }

    @Test
    void candidateAndSerialNumbersAreNotMistakenForPhones() {
        String text = "case 2027370100005 got serial 202737000001 at 2026-02-27T00:00";
        assertThat(Masking.inText(text)).isEqualTo(text);
    }

    @Test
    void aFailedStatementsValuesStayOutOfTheLog() {
        String trace = """
                java.sql.BatchUpdateException: Batch entry 0 insert into registration (candidate_no, name, school) \
                values ('2027370100005', '陈静', '山东第一医科大学') was aborted: ERROR: value too long
                  Detail: Key (candidate_no)=(2027370100005) already exists.
                  Detail: phone 13800138000""";
        assertThat(MaskingThrowableConverter.withoutPersonalData(trace))
                .contains("insert into registration (candidate_no, name, school) values (…) was aborted")
                .contains("Key (candidate_no)=(…) already exists")
                .contains("138****8000")
                .doesNotContain("陈静", "山东第一医科大学", "2027370100005");
    }
}
