package cn.medexam.qualification.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.DmnElement;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The region checklist rules ({@code processes/checklist-<region>.dmn}) against applicant profiles taken from
 * concrete sentences of the notices in {@code seeds/}: Hunan 2021, Liaoning 2025, Shandong 2026 and Sichuan 2022
 * (the last two use the national baseline because their notices give no material list).
 */
class ChecklistRulesTest {

    static final List<String> REGIONS = List.of("hunan", "liaoning", "shandong", "sichuan");

    /** Material codes of SPEC.md section 4; nothing else may come out of a materials decision. */
    static final Set<String> MATERIAL_CODES = Set.of(
            "ID_PROOF",
            "PHOTO",
            "INSTITUTION_LICENSE",
            "PROBATION_CERT",
            "PRACTICE_PERIOD_CERT",
            "DIPLOMA",
            "REGISTRATION_NOTICE",
            "JUNIOR_COLLEGE_DIPLOMA",
            "ASSISTANT_QUALIFICATION",
            "ASSISTANT_PRACTICE",
            "STUDENT_ID",
            "CLINICAL_TRAINING_PROOF",
            "BACHELOR_DIPLOMA",
            "DEGREE_CERT",
            "MENTORSHIP_CERT",
            "FOREIGN_DEGREE_VERIFICATION",
            "FOREIGNER_INTERNSHIP_FORM",
            "HMT_INTERNSHIP_FORM",
            "PREVIOUS_EXAM_PROOF",
            "SHORT_TRACK_FORM",
            "GRADUATE_COMMITMENT",
            "SECONDARY_DEGREE_VERIFICATION",
            "MENTOR_CERTIFICATES");

    static DmnEngine engine;
    static final Map<String, DmnDecision> DECISIONS = new HashMap<>();
    /** decision key → ids of the rules that produced a result in some evaluation of this test class. */
    static final Map<String, Set<String>> MATCHED_RULES = new ConcurrentHashMap<>();

    @BeforeAll
    static void parseDecisionFiles() throws IOException {
        DmnDecisionTableEvaluationListener recordMatches = event -> MATCHED_RULES
                .computeIfAbsent(event.getDecision().getKey(), key -> ConcurrentHashMap.newKeySet())
                .addAll(event.getMatchingRules().stream()
                        .map(DmnEvaluatedDecisionRule::getId)
                        .toList());
        engine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
                .customPostDecisionTableEvaluationListeners(List.of(recordMatches))
                .buildEngine();
        for (String region : REGIONS) {
            try (InputStream in = Files.newInputStream(dmnFile(region))) {
                engine.parseDecisions(in).forEach(decision -> DECISIONS.put(decision.getKey(), decision));
            }
        }
    }

    static Path dmnFile(String region) {
        return Path.of("processes", "checklist-" + region + ".dmn");
    }

    // ------------------------------------------------------------------------------------------------ profiles

    /** What every Hunan first-timer uploads: 附件2 “一、各类别均需上传的资料” plus the photo of 附件1. */
    static final String[] HUNAN_CORE = {
        "ID_PROOF", "PHOTO", "REGISTRATION_NOTICE", "INSTITUTION_LICENSE", "PROBATION_CERT", "DIPLOMA"
    };
    /** Liaoning 一、1 本科及以上学历报考执业医师 (and the national baseline of Shandong / Sichuan). */
    static final String[] BASE_CORE = {"ID_PROOF", "DIPLOMA", "PROBATION_CERT", "INSTITUTION_LICENSE"};

    static final String[] ASSISTANT_TO_PHYSICIAN = {
        "ASSISTANT_QUALIFICATION", "ASSISTANT_PRACTICE", "PRACTICE_PERIOD_CERT"
    };

    static Stream<Case> profiles() {
        return Stream.of(
                // ============================== Hunan 2021 (seeds 000, 001)
                c(
                        "hunanBachelorPhysicianAtCountyHospital",
                        "附件2 一、各类别均需上传的资料（一）–（五）；附件1 照片上传要求",
                        hunan(),
                        requires(HUNAN_CORE)
                                .maxImages("ID_PROOF", 3)
                                .maxImages("PHOTO", 1)
                                .maxImages("PROBATION_CERT", 2)),
                c(
                        "hunanTertiaryAHospitalUploadsNoLicence",
                        "一（二）除三级甲等医院、各级疾控中心外，其他医疗机构的考生请上传试用机构执业许可证副本或备案表",
                        hunan().with("institutionTier", "TERTIARY_A"),
                        requires(HUNAN_CORE).without("INSTITUTION_LICENSE")),
                c(
                        "hunanCdcUploadsNoLicence",
                        "一（二）除三级甲等医院、各级疾控中心外……",
                        hunan().with("category", "PUBLIC_HEALTH").with("institutionTier", "CDC"),
                        requires(HUNAN_CORE).without("INSTITUTION_LICENSE")),
                c(
                        "hunanProbationAtThreeInstitutionsNeedsOneCertificateEach",
                        "一（三）如试用期内涉及多个单位，须多个单位同时开据证明，每个单位一份",
                        hunan().with("probationInstitutions", 3),
                        requires(HUNAN_CORE).maxImages("PROBATION_CERT", 6).maxImages("INSTITUTION_LICENSE", 6)),
                c(
                        "hunanUpgradedBachelorEnteredOnFirstSeptember2015",
                        "二（一）本科学历为专升本的且为2015年9月1日以后升入本科的，还需提交专科毕业证书审核",
                        hunan().with("upgradedBachelorEnteredOn", "2015-09-01"),
                        requires(HUNAN_CORE).plus("JUNIOR_COLLEGE_DIPLOMA")),
                c(
                        "hunanUpgradedBachelorEnteredIn2014NeedsNoJuniorCollegeDiploma",
                        "二（一）……2015年9月1日以后升入本科的（之前升入的不需要）",
                        hunan().with("upgradedBachelorEnteredOn", "2014-09-01"),
                        requires(HUNAN_CORE)),
                c(
                        "hunanJuniorCollegeAssistantToPhysician",
                        "二（二）大专、中专学历已取得执业助理医师报考执业医师：执业助理医师资格证书、执业证书；一（三）执业期考核证明",
                        hunan().with("education", "JUNIOR_COLLEGE")
                                .with("holdsAssistantQualification", true)
                                .with("probationInstitutions", 2),
                        requires(HUNAN_CORE)
                                .without("PROBATION_CERT")
                                .plus(ASSISTANT_TO_PHYSICIAN)
                                .maxImages("PRACTICE_PERIOD_CERT", 4)),
                c(
                        "hunanSecondaryToAssistant",
                        "一、各类别均需上传的资料（中专学历报考执业助理医师）",
                        hunan().with("level", "ASSISTANT").with("education", "SECONDARY"),
                        requires(HUNAN_CORE)),
                c(
                        "hunanGraduateStudentInGraduatingYear",
                        "二（三）1.毕业当年报考：学生证、研究生院开具的临床实践训练经历满一年证明及个人承诺书1份",
                        hunan().with("education", "MASTER")
                                .with("graduateStatus", "GRADUATING")
                                .with("institutionTier", "TERTIARY_A"),
                        requires("ID_PROOF", "PHOTO", "REGISTRATION_NOTICE", "STUDENT_ID", "CLINICAL_TRAINING_PROOF")),
                c(
                        "hunanLongProgramStudentInSchool",
                        "湖南清单未列长学制，按全国基线（辽宁一、7（2））：本科毕业证书、临床实践训练经历满一年证明",
                        hunan().with("education", "DOCTOR")
                                .with("graduateStatus", "LONG_PROGRAM_IN_SCHOOL")
                                .with("institutionTier", "TERTIARY_A"),
                        requires(
                                "ID_PROOF",
                                "PHOTO",
                                "REGISTRATION_NOTICE",
                                "BACHELOR_DIPLOMA",
                                "CLINICAL_TRAINING_PROOF")),
                c(
                        "hunanGraduatedMasterEnrolledIn2016NeedsDegreeCertificate",
                        "二（三）2.已毕业的。2015年1月1日以后入学的研究生需提供学位证",
                        hunan().with("education", "MASTER")
                                .with("graduateStatus", "GRADUATED")
                                .with("graduateEnrolledOn", "2016-09-01"),
                        requires(HUNAN_CORE).plus("DEGREE_CERT")),
                c(
                        "hunanGraduatedMasterEnrolledIn2013NeedsNoDegreeCertificate",
                        "二（三）2.……2015年1月1日以后入学的（之前入学的不需要）",
                        hunan().with("education", "MASTER")
                                .with("graduateStatus", "GRADUATED")
                                .with("graduateEnrolledOn", "2013-09-01"),
                        requires(HUNAN_CORE)),
                c(
                        "hunanNonFirstTimeCandidateUploadsOnlyFourMaterials",
                        "二（四）2017年至2020年在湖南考区报考……仅需上传本人身份证件、往年报考的准考证或成绩单、报名成功通知单、试用期考核证明",
                        hunan().with("previousHunanRegistration", true)
                                .with("shortTrack", true)
                                .with("foreignDegree", true),
                        requires("ID_PROOF", "PREVIOUS_EXAM_PROOF", "REGISTRATION_NOTICE", "PROBATION_CERT")),
                c(
                        "hunanNonFirstTimeAssistantToPhysician",
                        "二（四）……或《执业助理医师报考执业医师执业期间考核证明》报考",
                        hunan().with("previousHunanRegistration", true)
                                .with("education", "JUNIOR_COLLEGE")
                                .with("holdsAssistantQualification", true),
                        requires("ID_PROOF", "PREVIOUS_EXAM_PROOF", "REGISTRATION_NOTICE", "PRACTICE_PERIOD_CERT")),
                c(
                        "hunanMentorshipCandidateToAssistant",
                        "二（五）1.师承和确有专长人员证书",
                        hunan().with("level", "ASSISTANT")
                                .with("category", "TCM")
                                .with("education", "MENTORSHIP"),
                        requires(HUNAN_CORE).without("DIPLOMA").plus("MENTORSHIP_CERT")),
                c(
                        "hunanSpecialtyAssistantToPhysician",
                        "二（五）2.师承和确有专长人员报考执业还需上传助理资格证及助理执业证",
                        hunan().with("category", "TCM")
                                .with("education", "SPECIALTY")
                                .with("holdsAssistantQualification", true),
                        requires(HUNAN_CORE)
                                .without("DIPLOMA", "PROBATION_CERT")
                                .plus("MENTORSHIP_CERT")
                                .plus(ASSISTANT_TO_PHYSICIAN)),
                c(
                        "hunanForeignNationalWithForeignDegreeAndPassport",
                        "二（六）持外国医学毕业证：学历认证报告；二（七）外籍人员：实习申请审核表；外国护照传信息页与封页",
                        hunan().with("idType", "PASSPORT")
                                .with("nationality", "FOREIGN")
                                .with("foreignDegree", true),
                        requires(HUNAN_CORE)
                                .plus("FOREIGN_DEGREE_VERIFICATION", "FOREIGNER_INTERNSHIP_FORM")
                                .maxImages("ID_PROOF", 2)),
                c(
                        "hunanHongKongResident",
                        "二（八）港澳台居民：《台湾、香港、澳门居民参加国家医师资格考试实习申请审核表》",
                        hunan().with("idType", "HMT_PERMIT").with("nationality", "HMT"),
                        requires(HUNAN_CORE).plus("HMT_INTERNSHIP_FORM").maxImages("ID_PROOF", 3)),
                c(
                        "hunanGraduateOfThisYearWithProbationNotYetComplete",
                        "附件4 应届医学专业毕业生医师资格考试报考承诺书：将于医学综合笔试前补交试用期考核证明",
                        hunan().with("graduatingThisYear", true),
                        requires(HUNAN_CORE)
                                .without("PROBATION_CERT")
                                .plus("GRADUATE_COMMITMENT")
                                .optional("PROBATION_CERT")),
                c(
                        "hunanShortTrackFormIsOptional",
                        "湖南2021清单未列短线医学加试审核表：可选上传",
                        hunan().with("shortTrack", true),
                        requires(HUNAN_CORE).optional("SHORT_TRACK_FORM")),
                c(
                        "hunanServingMilitaryIsReviewedOffline",
                        "现役军人和部队文职人员无需上传报名材料，纸质材料线下审核（附件2/3表注：军队考生须提交团级以上卫生部门的审核证明）",
                        hunan().with("militaryStatus", "SERVING").with("idType", "MILITARY_ID"),
                        offlineReviewWithoutMaterials()),

                // ============================== Liaoning 2025 (seed 002)
                c(
                        "liaoningBachelorToPhysician",
                        "一、1.本科及以上学历报考执业医师：有效身份证明；毕业证书；试用期考核合格证明；许可证副本或备案证",
                        liaoning(),
                        requires(BASE_CORE).optional("MENTOR_CERTIFICATES").maxImages("ID_PROOF", 3)),
                c(
                        "liaoningUpgradedBachelorEnteredIn2016AtTertiaryHospital",
                        "一、1.……专升本且2015年9月1日以后升入本科的，则需提交专科毕业证书审核；一、（四）三级甲等医院除外",
                        liaoning()
                                .with("upgradedBachelorEnteredOn", "2016-09-01")
                                .with("institutionTier", "TERTIARY_A"),
                        requires(BASE_CORE)
                                .without("INSTITUTION_LICENSE")
                                .plus("JUNIOR_COLLEGE_DIPLOMA")
                                .optional("MENTOR_CERTIFICATES")),
                c(
                        "liaoningJuniorCollegeAssistantToPhysician",
                        "一、2.大专学历已取得执业助理医师报考执业医师；一、（一）逐个单位开据连续工作证明",
                        liaoning()
                                .with("education", "JUNIOR_COLLEGE")
                                .with("holdsAssistantQualification", true)
                                .with("assistantRegisteredOn", "2022-06-30")
                                .with("probationInstitutions", 3),
                        requires("ID_PROOF", "DIPLOMA", "INSTITUTION_LICENSE")
                                .plus(ASSISTANT_TO_PHYSICIAN)
                                .optional("MENTOR_CERTIFICATES")
                                .maxImages("PRACTICE_PERIOD_CERT", 6)),
                c(
                        "liaoningJuniorCollegeAssistantRegisteredOnCutoffDayIsTooLate",
                        "一、（一）专科学历毕业的须于2023年8月22日前注册，方可报考2025年医师资格考试",
                        liaoning()
                                .with("education", "JUNIOR_COLLEGE")
                                .with("holdsAssistantQualification", true)
                                .with("assistantRegisteredOn", "2023-08-22"),
                        requires("ID_PROOF", "DIPLOMA", "INSTITUTION_LICENSE")
                                .plus(ASSISTANT_TO_PHYSICIAN)
                                .optional("MENTOR_CERTIFICATES")
                                .ineligible("专科学历的执业助理医师须于2023年8月22日前注册，方可报考2025年执业医师（按取得执业助理医师执业证书时间计算连续工作时间）。")),
                c(
                        "liaoningSecondaryAssistantToPhysician",
                        "一、3.中专学历已取得执业助理医师报考执业医师；二、4.持中专学历报考者须上传学历认证报告",
                        liaoning()
                                .with("education", "SECONDARY")
                                .with("holdsAssistantQualification", true)
                                .with("assistantRegisteredOn", "2019-12-01"),
                        requires("ID_PROOF", "DIPLOMA", "INSTITUTION_LICENSE", "SECONDARY_DEGREE_VERIFICATION")
                                .plus(ASSISTANT_TO_PHYSICIAN)
                                .optional("MENTOR_CERTIFICATES")),
                c(
                        "liaoningSecondaryAssistantRegisteredIn2021IsTooLate",
                        "一、（一）中专学历毕业的于2020年8月22日前注册，方可报考2025年医师资格考试",
                        liaoning()
                                .with("education", "SECONDARY")
                                .with("holdsAssistantQualification", true)
                                .with("assistantRegisteredOn", "2021-03-01"),
                        requires("ID_PROOF", "DIPLOMA", "INSTITUTION_LICENSE", "SECONDARY_DEGREE_VERIFICATION")
                                .plus(ASSISTANT_TO_PHYSICIAN)
                                .optional("MENTOR_CERTIFICATES")
                                .ineligible("中专学历的执业助理医师须于2020年8月22日前注册，方可报考2025年执业医师（按取得执业助理医师执业证书时间计算连续工作时间）。")),
                c(
                        "liaoningJuniorCollegeToAssistant",
                        "一、4.大专、中专学历报考执业助理医师：有效身份证明；毕业证书；试用期考核合格证明；许可证副本或备案证",
                        liaoning().with("level", "ASSISTANT").with("education", "JUNIOR_COLLEGE"),
                        requires(BASE_CORE).optional("MENTOR_CERTIFICATES")),
                c(
                        "liaoningSecondaryToAssistant",
                        "一、4.……；二、4.凡持中专学历报考者，须同时上传学历认证报告",
                        liaoning().with("level", "ASSISTANT").with("education", "SECONDARY"),
                        requires(BASE_CORE)
                                .plus("SECONDARY_DEGREE_VERIFICATION")
                                .optional("MENTOR_CERTIFICATES")),
                c(
                        "liaoningSpecialtyToAssistant",
                        "一、5.报考确有专长执业助理医师：有效身份证明；师承和确有专长人员证书；试用期考核合格证明；许可证副本或备案证",
                        liaoning()
                                .with("level", "ASSISTANT")
                                .with("category", "TCM")
                                .with("education", "SPECIALTY"),
                        requires(BASE_CORE)
                                .without("DIPLOMA")
                                .plus("MENTORSHIP_CERT")
                                .optional("MENTOR_CERTIFICATES")),
                c(
                        "liaoningRuralGeneralAtVillageClinic",
                        "一、6.报考乡村全科执业助理医师：有效身份证明；毕业证书；试用期考核合格证明（乡村两级医疗机构开具）；许可证副本",
                        liaoning()
                                .with("level", "ASSISTANT")
                                .with("category", "RURAL_GENERAL")
                                .with("education", "JUNIOR_COLLEGE")
                                .with("institutionTier", "TOWNSHIP_OR_VILLAGE"),
                        requires(BASE_CORE).optional("MENTOR_CERTIFICATES")),
                c(
                        "liaoningRuralGeneralAtCountyHospitalIsIneligible",
                        "一、（三）须已在乡镇卫生院或村卫生室工作满一年且考核合格",
                        liaoning()
                                .with("level", "ASSISTANT")
                                .with("category", "RURAL_GENERAL")
                                .with("education", "JUNIOR_COLLEGE"),
                        requires(BASE_CORE)
                                .optional("MENTOR_CERTIFICATES")
                                .ineligible("报考乡村全科执业助理医师，须已在乡镇卫生院或村卫生室工作满一年且考核合格；您的试用机构不是乡镇卫生院或村卫生室。")),
                c(
                        "liaoningGraduatingGraduateStudentOfLiaoningSchool",
                        "一、7（1）毕业当年报考者（仅限辽宁省内院校）：有效身份证明；学生证；临床实践训练经历满一年证明及个人承诺书",
                        liaoning()
                                .with("education", "MASTER")
                                .with("graduateStatus", "GRADUATING")
                                .with("schoolInRegion", true)
                                .with("institutionTier", "TERTIARY_A"),
                        requires("ID_PROOF", "STUDENT_ID", "CLINICAL_TRAINING_PROOF")),
                c(
                        "liaoningGraduatingGraduateStudentFromAnotherProvinceIsRefused",
                        "一、7（1）外省应届研究生不予受理报名申请",
                        liaoning()
                                .with("education", "MASTER")
                                .with("graduateStatus", "GRADUATING")
                                .with("schoolInRegion", false),
                        requires("ID_PROOF", "STUDENT_ID", "CLINICAL_TRAINING_PROOF")
                                .ineligible("外省院校应届研究生不予受理报名申请：毕业当年报考执业医师的研究生仅限辽宁省内院校。")),
                c(
                        "liaoningLongProgramStudentInSchool",
                        "一、7（2）长学制在学期间报考者：有效身份证明；本科毕业证书；临床实践训练经历满一年证明及个人承诺书",
                        liaoning().with("education", "DOCTOR").with("graduateStatus", "LONG_PROGRAM_IN_SCHOOL"),
                        requires("ID_PROOF", "BACHELOR_DIPLOMA", "CLINICAL_TRAINING_PROOF")),
                c(
                        "liaoningGraduatedGraduateStudentEnrolledBefore2015",
                        "一、7（3）已毕业报考者：有效身份证明；毕业证书、学位证；试用期考核证明；许可证副本或备案证",
                        liaoning()
                                .with("education", "MASTER")
                                .with("graduateStatus", "GRADUATED")
                                .with("graduateEnrolledOn", "2012-09-01"),
                        requires(BASE_CORE).plus("DEGREE_CERT").optional("MENTOR_CERTIFICATES")),
                c(
                        "liaoningCivilianAtMilitaryHospitalUploadsMilitaryLicence",
                        "一、（四）非现役军人在部队医院试用或执业的，须提供军队医疗机构对外服务许可证",
                        liaoning().with("institutionTier", "MILITARY"),
                        requires(BASE_CORE).optional("MENTOR_CERTIFICATES").maxImages("INSTITUTION_LICENSE", 6)),
                c(
                        "liaoningForeignMedicalDegree",
                        "二、3.取得国外医学学历学位的考生，除上传学历学位证书外尚须上传教育部留学服务认证中心的学历认证报告书",
                        liaoning().with("foreignDegree", true),
                        requires(BASE_CORE)
                                .plus("FOREIGN_DEGREE_VERIFICATION")
                                .optional("DEGREE_CERT", "MENTOR_CERTIFICATES")),
                c(
                        "liaoningShortTrackCandidate",
                        "一、（二）参加短线医学加试的考生须上传《短线医学加试考试考生报名资格申请审核表》",
                        liaoning().with("shortTrack", true),
                        requires(BASE_CORE).plus("SHORT_TRACK_FORM").optional("MENTOR_CERTIFICATES")),
                c(
                        "liaoningGraduateOf2025SignsCommitment",
                        "一、（五）2025年毕业的考生提供应届医学专业毕业生医师资格考试报考承诺书",
                        liaoning().with("graduatingThisYear", true),
                        requires(BASE_CORE)
                                .without("PROBATION_CERT")
                                .plus("GRADUATE_COMMITMENT")
                                .optional("PROBATION_CERT", "MENTOR_CERTIFICATES")),
                c(
                        "liaoningJuniorCollegePhysicianWithoutAssistantQualificationIsIneligible",
                        "一、2/3/4 大专、中专学历只能报考执业助理医师，或取得执业助理医师后报考执业医师",
                        liaoning().with("education", "JUNIOR_COLLEGE"),
                        requires(BASE_CORE)
                                .optional("MENTOR_CERTIFICATES")
                                .ineligible("大专、中专学历须先取得执业助理医师资格并注册执业，方可报考执业医师；请改报执业助理医师。")),
                c(
                        "liaoningServingMilitaryUploadsNothing",
                        "二、10.现役军人和部队文职人员，只在系统内填报个人信息，无需上传报名材料，需要提供纸质材料参加线下审核",
                        liaoning()
                                .with("militaryStatus", "SERVING")
                                .with("idType", "MILITARY_ID")
                                .with("education", "JUNIOR_COLLEGE")
                                .with("holdsAssistantQualification", true)
                                .with("assistantRegisteredOn", "2024-01-01"),
                        offlineReviewWithoutMaterials()),

                // ============================== Shandong 2026 (seed 003): national baseline
                c(
                        "shandongBachelorPhysicianUsesNationalBaseline",
                        "山东上传指南只列身份证明示例：请上传有效身份证件正反面照片及本人手持身份证内容一面照片；其余按全国基线",
                        shandong(),
                        requires(BASE_CORE).maxImages("ID_PROOF", 3)),
                c(
                        "shandongForeignPassportHasInfoPageAndCover",
                        "山东上传指南：外国护照需上传信息页与封页；全国基线：外籍人员实习申请审核表、国外学历认证报告",
                        shandong()
                                .with("idType", "PASSPORT")
                                .with("nationality", "FOREIGN")
                                .with("foreignDegree", true),
                        requires(BASE_CORE)
                                .plus("FOREIGNER_INTERNSHIP_FORM", "FOREIGN_DEGREE_VERIFICATION")
                                .maxImages("ID_PROOF", 2)),
                c(
                        "shandongJuniorCollegeAssistantToPhysician",
                        "全国基线（湖南二（二）、辽宁一、2）：助理资格证、助理执业证、执业期考核证明",
                        shandong()
                                .with("education", "JUNIOR_COLLEGE")
                                .with("holdsAssistantQualification", true)
                                .with("assistantRegisteredOn", "2024-01-01"),
                        requires("ID_PROOF", "DIPLOMA", "INSTITUTION_LICENSE").plus(ASSISTANT_TO_PHYSICIAN)),
                c(
                        "shandongGraduatedMasterEnrolledIn2019WithUpgradedBachelor",
                        "全国基线（湖南二（一）二（三）2）：专升本2015年9月1日以后升入本科的专科毕业证；2015年1月1日以后入学的研究生学位证",
                        shandong()
                                .with("education", "MASTER")
                                .with("graduateStatus", "GRADUATED")
                                .with("upgradedBachelorEnteredOn", "2016-09-01")
                                .with("graduateEnrolledOn", "2019-09-01"),
                        requires(BASE_CORE).plus("DEGREE_CERT", "JUNIOR_COLLEGE_DIPLOMA")),
                c(
                        "shandongGraduatedDoctorEnrolledIn2010MayAddDegreeCertificate",
                        "全国基线：2015年以前入学的已毕业研究生，湖南不要求、辽宁要求学位证，作为可选材料",
                        shandong()
                                .with("education", "DOCTOR")
                                .with("graduateStatus", "GRADUATED")
                                .with("graduateEnrolledOn", "2010-09-01"),
                        requires(BASE_CORE).optional("DEGREE_CERT")),
                c(
                        "shandongGraduatingGraduateStudent",
                        "全国基线（湖南二（三）1、辽宁一、7（1））：学生证、临床实践训练经历满一年证明及个人承诺书",
                        shandong().with("education", "MASTER").with("graduateStatus", "GRADUATING"),
                        requires("ID_PROOF", "STUDENT_ID", "CLINICAL_TRAINING_PROOF")),
                c(
                        "shandongLongProgramStudentInSchool",
                        "全国基线（辽宁一、7（2））：本科毕业证书、临床实践训练经历满一年证明",
                        shandong().with("education", "DOCTOR").with("graduateStatus", "LONG_PROGRAM_IN_SCHOOL"),
                        requires("ID_PROOF", "BACHELOR_DIPLOMA", "CLINICAL_TRAINING_PROOF")),
                c(
                        "shandongMacaoResidentInShortTrack",
                        "全国基线（湖南二（八）、辽宁一、（二））：港澳台居民实习申请审核表；短线医学加试审核表",
                        shandong()
                                .with("idType", "HMT_PERMIT")
                                .with("nationality", "HMT")
                                .with("shortTrack", true),
                        requires(BASE_CORE).plus("HMT_INTERNSHIP_FORM", "SHORT_TRACK_FORM")),
                c(
                        "shandongSpecialtyToAssistantAtCdc",
                        "全国基线（湖南二（五）1、辽宁一、5）：师承和确有专长人员证书；疾控中心免许可证",
                        shandong()
                                .with("level", "ASSISTANT")
                                .with("category", "TCM")
                                .with("education", "SPECIALTY")
                                .with("institutionTier", "CDC"),
                        requires("ID_PROOF", "MENTORSHIP_CERT", "PROBATION_CERT")),
                c(
                        "shandongGraduateOfThisYearSignsCommitment",
                        "全国基线（湖南附件4、辽宁一、（五））：应届医学专业毕业生医师资格考试报考承诺书",
                        shandong().with("graduatingThisYear", true),
                        requires(BASE_CORE)
                                .without("PROBATION_CERT")
                                .plus("GRADUATE_COMMITMENT")
                                .optional("PROBATION_CERT")),
                c(
                        "shandongServingMilitaryIsReviewedOffline",
                        "全国基线（辽宁二、10）：现役军人和部队文职人员无需上传报名材料，线下审核",
                        shandong().with("militaryStatus", "SERVING"),
                        offlineReviewWithoutMaterials()),

                // ============================== Sichuan 2022 (seed 004): national baseline
                c(
                        "sichuanUpgradedBachelorPublicHealthPhysicianAtCdc",
                        "全国基线（湖南一（二）二（一）、辽宁一、1/（四））：疾控中心免许可证；2015年9月1日以后专升本的专科毕业证",
                        sichuan()
                                .with("category", "PUBLIC_HEALTH")
                                .with("institutionTier", "CDC")
                                .with("upgradedBachelorEnteredOn", "2015-09-01"),
                        requires(BASE_CORE).without("INSTITUTION_LICENSE").plus("JUNIOR_COLLEGE_DIPLOMA")),
                c(
                        "sichuanSecondaryAssistantToPhysicianNeedsNoSecondaryVerification",
                        "全国基线：助理报考执业医师；中专学历认证报告是辽宁特有，四川通知未列",
                        sichuan()
                                .with("education", "SECONDARY")
                                .with("holdsAssistantQualification", true)
                                .with("assistantRegisteredOn", "2021-01-01")
                                .with("probationInstitutions", 0),
                        requires("ID_PROOF", "DIPLOMA", "INSTITUTION_LICENSE")
                                .plus(ASSISTANT_TO_PHYSICIAN)
                                .maxImages("PRACTICE_PERIOD_CERT", 2)),
                c(
                        "sichuanForeignNationalWithForeignDegree",
                        "全国基线（湖南二（六）（七））：国外学历认证报告；外籍人员实习申请审核表",
                        sichuan()
                                .with("idType", "PASSPORT")
                                .with("nationality", "FOREIGN")
                                .with("foreignDegree", true),
                        requires(BASE_CORE)
                                .plus("FOREIGN_DEGREE_VERIFICATION", "FOREIGNER_INTERNSHIP_FORM")
                                .maxImages("ID_PROOF", 2)),
                c(
                        "sichuanGraduatedMasterEnrolledOnFirstJanuary2015NeedsDegreeCertificate",
                        "全国基线（湖南二（三）2、辽宁一、7（3））：2015年1月1日以后入学的研究生须提供学位证",
                        sichuan()
                                .with("education", "MASTER")
                                .with("graduateStatus", "GRADUATED")
                                .with("graduateEnrolledOn", "2015-01-01"),
                        requires(BASE_CORE).plus("DEGREE_CERT")),
                c(
                        "sichuanGraduatedMasterWithUnknownEnrolmentDateMayAddDegreeCertificate",
                        "全国基线：入学日期不详的已毕业研究生，学位证作为可选材料（空日期不与任何日期比较命中）",
                        sichuan().with("education", "MASTER").with("graduateStatus", "GRADUATED"),
                        requires(BASE_CORE).optional("DEGREE_CERT")),
                c(
                        "sichuanGraduatingGraduateStudentOfAnotherProvinceIsAccepted",
                        "全国基线：外省应届研究生的限制是辽宁特有，四川通知未列",
                        sichuan()
                                .with("education", "DOCTOR")
                                .with("graduateStatus", "GRADUATING")
                                .with("schoolInRegion", false),
                        requires("ID_PROOF", "STUDENT_ID", "CLINICAL_TRAINING_PROOF")),
                c(
                        "sichuanLongProgramStudentInSchool",
                        "全国基线（辽宁一、7（2））：本科毕业证书、临床实践训练经历满一年证明",
                        sichuan().with("education", "MASTER").with("graduateStatus", "LONG_PROGRAM_IN_SCHOOL"),
                        requires("ID_PROOF", "BACHELOR_DIPLOMA", "CLINICAL_TRAINING_PROOF")),
                c(
                        "sichuanTaiwanResidentInShortTrack",
                        "全国基线（湖南二（八）、辽宁一、（二））：港澳台居民实习申请审核表；短线医学加试审核表",
                        sichuan()
                                .with("idType", "HMT_PERMIT")
                                .with("nationality", "HMT")
                                .with("shortTrack", true),
                        requires(BASE_CORE).plus("HMT_INTERNSHIP_FORM", "SHORT_TRACK_FORM")),
                c(
                        "sichuanMentorshipToAssistant",
                        "全国基线（湖南二（五）1、辽宁一、5）：师承和确有专长人员证书",
                        sichuan()
                                .with("level", "ASSISTANT")
                                .with("category", "TCM")
                                .with("education", "MENTORSHIP"),
                        requires(BASE_CORE).without("DIPLOMA").plus("MENTORSHIP_CERT")),
                c(
                        "sichuanRuralGeneralOutsideTownshipIsNotRefusedOnline",
                        "全国基线：乡村全科须在乡镇卫生院或村卫生室的限制是辽宁通知写明的，四川交由人工审核；承诺书按应届毕业生",
                        sichuan()
                                .with("level", "ASSISTANT")
                                .with("category", "RURAL_GENERAL")
                                .with("education", "JUNIOR_COLLEGE")
                                .with("graduatingThisYear", true),
                        requires(BASE_CORE)
                                .without("PROBATION_CERT")
                                .plus("GRADUATE_COMMITMENT")
                                .optional("PROBATION_CERT")),
                c(
                        "sichuanServingMilitaryIsReviewedOffline",
                        "全国基线（辽宁二、10）：现役军人和部队文职人员无需上传报名材料，线下审核",
                        sichuan().with("militaryStatus", "SERVING").with("idType", "MILITARY_ID"),
                        offlineReviewWithoutMaterials()));
    }

    static Profile hunan() {
        return new Profile("HUNAN", 2021);
    }

    static Profile liaoning() {
        return new Profile("LIAONING", 2025);
    }

    static Profile shandong() {
        return new Profile("SHANDONG", 2026);
    }

    static Profile sichuan() {
        return new Profile("SICHUAN", 2022);
    }

    // ------------------------------------------------------------------------------------------------ tests

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void checklistFollowsTheNotice(Case c) {
        Eligibility eligibility = eligibility(c.profile());
        assertThat(eligibility)
                .as("%s — %s: eligibility", c.name(), c.notice())
                .isEqualTo(c.expected().eligibility());

        Map<String, Material> checklist = checklist(c.profile());
        assertThat(codes(checklist, true))
                .as("%s — %s: required materials", c.name(), c.notice())
                .isEqualTo(c.expected().required);
        assertThat(codes(checklist, false))
                .as("%s — %s: optional materials", c.name(), c.notice())
                .isEqualTo(c.expected().optional);
        c.expected()
                .maxImages
                .forEach((code, max) -> assertThat(checklist.get(code).maxImages())
                        .as("%s — %s: maxImages of %s", c.name(), c.notice(), code)
                        .isEqualTo(max));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hunan", "liaoning", "shandong", "sichuan"})
    void decisionFileFollowsTheContract(String region) throws Exception {
        Path file = dmnFile(region);
        DmnModelInstance model = Dmn.readModelFromFile(file.toFile()); // validates against the DMN 1.3 schema
        assertThat(model.getDefinitions().getNamespace()).isNotBlank();
        assertThat(descriptionOf(model.getDefinitions()))
                .as("definitions description")
                .isNotBlank();

        Map<String, Decision> decisions = model.getModelElementsByType(Decision.class).stream()
                .collect(Collectors.toMap(Decision::getId, d -> d));
        assertThat(decisions.keySet()).containsExactlyInAnyOrder("eligibility-" + region, "materials-" + region);

        for (Decision decision : decisions.values()) {
            assertThat(descriptionOf(decision))
                    .as("description of %s", decision.getId())
                    .isNotBlank();
            assertThat(decision.getCamundaHistoryTimeToLiveString())
                    .as("historyTimeToLive of %s", decision.getId())
                    .isNotBlank();
            DecisionTable table = (DecisionTable) decision.getExpression();
            for (Rule rule : table.getRules()) {
                assertThat(descriptionOf(rule))
                        .as("annotation of rule %s", rule.getId())
                        .isNotBlank();
            }
        }

        DecisionTable eligibility =
                (DecisionTable) decisions.get("eligibility-" + region).getExpression();
        assertThat(eligibility.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
        assertThat(eligibility.getOutputs())
                .extracting(o -> o.getName() + ":" + o.getTypeRef())
                .containsExactly("eligible:boolean", "offlineReview:boolean", "ineligibleReason:string");
        List<Rule> eligibilityRules = new ArrayList<>(eligibility.getRules());
        assertThat(inputEntriesOf(eligibilityRules.get(0)))
                .as("the first eligibility rule is serving military")
                .contains("\"SERVING\"");
        Collection<InputEntry> catchAll =
                eligibilityRules.get(eligibilityRules.size() - 1).getInputEntries();
        assertThat(catchAll)
                .as("the last eligibility rule is a catch-all")
                .allSatisfy(entry -> assertThat(entry.getTextContent().trim()).isIn("", "-"));

        DecisionTable materials =
                (DecisionTable) decisions.get("materials-" + region).getExpression();
        assertThat(materials.getHitPolicy()).isEqualTo(HitPolicy.COLLECT);
        assertThat(materials.getAggregation()).isNull();
        assertThat(materials.getOutputs())
                .extracting(o -> o.getName() + ":" + o.getTypeRef())
                .containsExactly("code:string", "required:boolean", "maxImages:integer");

        assertThat(dmndiShapeRefs(file))
                .as("DMNDI shapes so that Camunda Modeler opens the file")
                .containsExactlyInAnyOrderElementsOf(decisions.keySet());
    }

    @Test
    void everyRuleOfEveryDecisionIsExercisedByTheProfiles() {
        profiles().forEach(c -> {
            eligibility(c.profile());
            checklist(c.profile());
        });
        for (String region : REGIONS) {
            DmnModelInstance model = Dmn.readModelFromFile(dmnFile(region).toFile());
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                Set<String> ruleIds = ((DecisionTable) decision.getExpression())
                        .getRules().stream().map(Rule::getId).collect(Collectors.toCollection(TreeSet::new));
                assertThat(MATCHED_RULES.getOrDefault(decision.getId(), Set.of()))
                        .as("rules of %s matched by some profile", decision.getId())
                        .containsAll(ruleIds);
            }
        }
    }

    @Test
    void profilesCoverTheFourRegionsWithOnlineOfflineAndIneligibleCases() {
        List<Case> cases = profiles().toList();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(25);
        assertThat(cases).extracting(Case::name).doesNotHaveDuplicates();
        for (String region : REGIONS) {
            List<Case> ofRegion =
                    cases.stream().filter(c -> c.name().startsWith(region)).toList();
            assertThat(ofRegion)
                    .as(region)
                    .extracting(c -> c.profile().vars.get("region"))
                    .containsOnly(region.toUpperCase());
            assertThat(ofRegion)
                    .as(region + " has an offline case")
                    .anyMatch(c -> c.expected().eligibility().offlineReview());
        }
        assertThat(cases).anyMatch(c -> !c.expected().eligibility().eligible());
    }

    // ------------------------------------------------------------------------------------------------ evaluation

    record Eligibility(boolean eligible, boolean offlineReview, String ineligibleReason) {}

    record Material(boolean required, int maxImages) {}

    static Eligibility eligibility(Profile profile) {
        DmnDecisionResult result = engine.evaluateDecision(decision("eligibility", profile), profile.variables());
        assertThat(result.getResultList())
                .as("FIRST with a catch-all gives exactly one result")
                .hasSize(1);
        DmnDecisionResultEntries entries = result.getSingleResult();
        Eligibility eligibility = new Eligibility(
                entries.<Boolean>getEntry("eligible"),
                entries.<Boolean>getEntry("offlineReview"),
                entries.<String>getEntry("ineligibleReason"));
        if (eligibility.eligible()) {
            assertThat(eligibility.ineligibleReason())
                    .as("reason of an eligible candidate")
                    .isNull();
        } else {
            assertThat(eligibility.ineligibleReason())
                    .as("reason of an ineligible candidate")
                    .isNotBlank();
        }
        return eligibility;
    }

    /** The caller's merge: a code is required if any rule requires it, and gets the largest maxImages. */
    static Map<String, Material> checklist(Profile profile) {
        DmnDecisionResult result = engine.evaluateDecision(decision("materials", profile), profile.variables());
        Map<String, Material> merged = new TreeMap<>();
        for (DmnDecisionResultEntries entries : result) {
            String code = entries.getEntry("code");
            Boolean required = entries.getEntry("required");
            Integer maxImages = entries.getEntry("maxImages");
            assertThat(code).isIn(MATERIAL_CODES);
            assertThat(required).as("required of %s", code).isNotNull();
            assertThat(maxImages).as("maxImages of %s", code).isNotNull().isGreaterThanOrEqualTo(1);
            merged.merge(
                    code,
                    new Material(required, maxImages),
                    (a, b) -> new Material(a.required() || b.required(), Math.max(a.maxImages(), b.maxImages())));
        }
        return merged;
    }

    static DmnDecision decision(String kind, Profile profile) {
        return DECISIONS.get(kind + "-" + ((String) profile.vars.get("region")).toLowerCase());
    }

    static Set<String> codes(Map<String, Material> checklist, boolean required) {
        return checklist.entrySet().stream()
                .filter(e -> e.getValue().required() == required)
                .map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String descriptionOf(DmnElement element) {
        return element.getDescription() == null
                ? null
                : element.getDescription().getTextContent();
    }

    static String inputEntriesOf(Rule rule) {
        return rule.getInputEntries().stream().map(InputEntry::getTextContent).collect(Collectors.joining(" | "));
    }

    static Set<String> dmndiShapeRefs(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        NodeList shapes = factory.newDocumentBuilder()
                .parse(file.toFile())
                .getElementsByTagNameNS("https://www.omg.org/spec/DMN/20191111/DMNDI/", "DMNShape");
        Set<String> refs = new TreeSet<>();
        for (int i = 0; i < shapes.getLength(); i++) {
            refs.add(((Element) shapes.item(i)).getAttribute("dmnElementRef"));
        }
        return refs;
    }

    // ------------------------------------------------------------------------------------------------ builders

    /** The caller's input variables, with the defaults of an ordinary candidate; {@link #with} changes one. */
    static final class Profile {
        final Map<String, Object> vars = new LinkedHashMap<>();

        Profile(String region, int examYear) {
            vars.put("region", region);
            vars.put("idType", "RESIDENT_ID");
            vars.put("level", "PHYSICIAN");
            vars.put("category", "CLINICAL");
            vars.put("education", "BACHELOR");
            vars.put("graduateStatus", "NONE");
            vars.put("institutionTier", "OTHER");
            vars.put("nationality", "CN");
            vars.put("militaryStatus", "NONE");
            vars.put("upgradedBachelorEnteredOn", null);
            vars.put("graduateEnrolledOn", null);
            vars.put("assistantRegisteredOn", null);
            vars.put("examYear", examYear);
            vars.put("probationInstitutions", 1);
            vars.put("holdsAssistantQualification", false);
            vars.put("foreignDegree", false);
            vars.put("previousHunanRegistration", false);
            vars.put("shortTrack", false);
            vars.put("graduatingThisYear", false);
            vars.put("schoolInRegion", false);
        }

        Profile with(String name, Object value) {
            assertThat(vars).as("input variables of the contract").containsKey(name);
            vars.put(name, value);
            return this;
        }

        Map<String, Object> variables() {
            return new HashMap<>(vars); // HashMap: the values may be null
        }

        @Override
        public String toString() {
            return vars.toString();
        }
    }

    static final class Expected {
        final Set<String> required = new TreeSet<>();
        final Set<String> optional = new TreeSet<>();
        final Map<String, Integer> maxImages = new TreeMap<>();
        private Eligibility eligibility = new Eligibility(true, false, null);

        Expected plus(String... codes) {
            required.addAll(Arrays.asList(codes));
            return this;
        }

        Expected without(String... codes) {
            Arrays.asList(codes).forEach(required::remove);
            return this;
        }

        Expected optional(String... codes) {
            optional.addAll(Arrays.asList(codes));
            return this;
        }

        Expected maxImages(String code, int max) {
            maxImages.put(code, max);
            return this;
        }

        Expected ineligible(String reason) {
            eligibility = new Eligibility(false, false, reason);
            return this;
        }

        Eligibility eligibility() {
            return eligibility;
        }
    }

    static Expected requires(String... codes) {
        return new Expected().plus(codes);
    }

    static Expected offlineReviewWithoutMaterials() {
        Expected expected = new Expected();
        expected.eligibility = new Eligibility(true, true, null);
        return expected;
    }

    record Case(String name, String notice, Profile profile, Expected expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Case c(String name, String notice, Profile profile, Expected expected) {
        return new Case(name, notice, profile, expected);
    }
}
