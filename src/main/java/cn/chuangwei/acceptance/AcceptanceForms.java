package cn.chuangwei.acceptance;

import cn.chuangwei.kernel.FormRules;
import cn.chuangwei.kernel.FormRules.Field;
import cn.chuangwei.kernel.ProcessForms;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The forms of {@code acceptance.bpmn}: the application; each higher authority's step (初审 or 推荐, 资料审核, 暗访, 技术评估,
 * 公示, 异议, 异议核查, 命名), which names its authority and asks for the authority's document number and date.
 */
@Component
class AcceptanceForms implements ProcessForms {

    static final String PROCESS = "acceptance";
    static final String REFERENCE = "reference";
    static final String DOCUMENT_NO = "documentNo";
    static final String DECIDED_ON = "decidedOn";
    static final String REMARKS = "remarks";
    static final String PROBLEMS = "problems";
    static final String RECTIFY_BY = "rectifyBy";
    static final String NOTICE_STARTS_ON = "noticeStartsOn";
    static final String NOTICE_DOCUMENT = "noticeDocument";
    static final String OBJECTION_SUMMARY = "objectionSummary";
    static final String NAMING_DATE = "namingDate";
    static final String NAMING_DOCUMENT = "namingDocument";
    static final String PRELIMINARY_AUTHORITY = "preliminaryAuthority";
    static final String REVIEW_AUTHORITY = "reviewAuthority";

    /** {@code submit-application.form}: the reference of the application sent. */
    static final FormRules SUBMIT_APPLICATION = FormRules.userTask(PROCESS, "submitApplication", "submit-application",
            Field.readOnly("campaignName"),
            Field.text(REFERENCE, 100).required());

    /** 初审, 推荐 and 资料审核: passed, or returned for more material with the reasons. */
    private static FormRules decision(String task, String form, String authority, String choice, Field... before) {
        return FormRules.userTask(PROCESS, task, form, fields(before,
                Field.readOnly(authority),
                Field.choice(choice, "PASS", "RETURN"),
                Field.text(DOCUMENT_NO, 100).required(),
                Field.date(DECIDED_ON).required(),
                Field.text(REMARKS, 4000).requiredWhen(choice, "RETURN")));
    }

    private static Field[] fields(Field[] before, Field... after) {
        Field[] all = new Field[before.length + after.length];
        System.arraycopy(before, 0, all, 0, before.length);
        System.arraycopy(after, 0, all, before.length, after.length);
        return all;
    }

    /** 暗访 and 技术评估: passed, or failed with the problem list. */
    private static FormRules findings(String task, String form, String choice, Field... after) {
        return FormRules.userTask(PROCESS, task, form, fields(new Field[] {
                Field.readOnly(REVIEW_AUTHORITY),
                Field.choice(choice, "PASS", "FAIL"),
                Field.text(DOCUMENT_NO, 100).required(),
                Field.date(DECIDED_ON).required(),
                Field.text(PROBLEMS, 20000).requiredWhen(choice, "FAIL")}, after));
    }

    static final FormRules PRELIMINARY_REVIEW = decision("countyPreliminaryReview", "preliminary-review",
            PRELIMINARY_AUTHORITY, "preliminaryDecision", Field.readOnly("campaignName"));
    static final FormRules RECOMMENDATION = decision("provinceRecommendation", "province-recommendation",
            PRELIMINARY_AUTHORITY, "preliminaryDecision", Field.readOnly("campaignName"));
    static final FormRules DOCUMENT_REVIEW = decision("documentReview", "document-review", REVIEW_AUTHORITY,
            "documentDecision");
    static final FormRules UNANNOUNCED_VISIT = findings("unannouncedVisit", "unannounced-visit", "visitOutcome");
    static final FormRules TECHNICAL_ASSESSMENT = findings("technicalAssessment", "technical-assessment",
            "assessmentOutcome", Field.date(RECTIFY_BY));

    /** {@code public-notice.form}: when the notice began and where it was published. */
    static final FormRules PUBLIC_NOTICE = FormRules.userTask(PROCESS, "publicNotice", "public-notice",
            Field.readOnly(REVIEW_AUTHORITY),
            Field.date(NOTICE_STARTS_ON).required(),
            Field.text(NOTICE_DOCUMENT, 200).required());

    /** {@code notice-objections.form}: none, or the objections received. */
    static final FormRules OBJECTIONS = FormRules.userTask(PROCESS, "recordObjections", "notice-objections",
            Field.readOnly(REVIEW_AUTHORITY),
            Field.choice("objections", "NONE", "RECEIVED"),
            Field.text(OBJECTION_SUMMARY, 4000).requiredWhen("objections", "RECEIVED"));

    /** {@code objection-investigation.form}: upheld (not named) or rejected, with the findings. */
    static final FormRules INVESTIGATION = FormRules.userTask(PROCESS, "investigateObjection", "objection-investigation",
            Field.readOnly(REVIEW_AUTHORITY),
            Field.readOnly(OBJECTION_SUMMARY),
            Field.choice("objectionFinding", "UPHELD", "REJECTED"),
            Field.text(DOCUMENT_NO, 100).required(),
            Field.date(DECIDED_ON).required(),
            Field.text(REMARKS, 4000).required());

    /** {@code naming.form}: the naming's date and document. */
    static final FormRules NAMING = FormRules.userTask(PROCESS, "recordNaming", "naming",
            Field.readOnly(REVIEW_AUTHORITY),
            Field.date(NAMING_DATE).required(),
            Field.text(NAMING_DOCUMENT, 200).required());

    /**
     * A step recorded as it is: its form, the step's name on record, the field that holds its outcome (the process
     * routes on the variable of that name) and the variable naming the authority's level.
     */
    record Step(FormRules form, String step, String outcomeField, String authorityLevel) {
    }

    /** The steps {@link RecordAcceptanceStepListener} records, by task. */
    static final Map<String, Step> STEPS = Map.of(
            "countyPreliminaryReview", new Step(PRELIMINARY_REVIEW, "PRELIMINARY_REVIEW", "preliminaryDecision",
                    "preliminaryLevel"),
            "provinceRecommendation", new Step(RECOMMENDATION, "RECOMMENDATION", "preliminaryDecision", "preliminaryLevel"),
            "documentReview", new Step(DOCUMENT_REVIEW, "DOCUMENT_REVIEW", "documentDecision", "reviewLevel"),
            "unannouncedVisit", new Step(UNANNOUNCED_VISIT, "UNANNOUNCED_VISIT", "visitOutcome", "reviewLevel"),
            "technicalAssessment", new Step(TECHNICAL_ASSESSMENT, "TECHNICAL_ASSESSMENT", "assessmentOutcome",
                    "reviewLevel"),
            "recordObjections", new Step(OBJECTIONS, "OBJECTIONS", "objections", "reviewLevel"),
            "investigateObjection", new Step(INVESTIGATION, "OBJECTION_INVESTIGATION", "objectionFinding", "reviewLevel"));

    @Override
    public List<FormRules> forms() {
        return List.of(SUBMIT_APPLICATION, PRELIMINARY_REVIEW, RECOMMENDATION, DOCUMENT_REVIEW, UNANNOUNCED_VISIT,
                TECHNICAL_ASSESSMENT, PUBLIC_NOTICE, OBJECTIONS, INVESTIGATION, NAMING);
    }
}
