package cn.chuangwei.acceptance;

import cn.chuangwei.kernel.FormRules;
import cn.chuangwei.kernel.FormRules.Field;
import cn.chuangwei.kernel.ProcessForms;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The forms of {@code maintenance.bpmn}: the monthly spot check; the 复审 application, the higher authority's 复审 (its
 * method, 明查 or 暗访, recorded), the 通报批评 with its deadline, the 撤销.
 */
@Component
class MaintenanceForms implements ProcessForms {

    static final String PROCESS = "maintenance";
    static final String FINDINGS = "findings";
    static final String METHOD = "reviewMethod";
    static final String OUTCOME = "reReviewOutcome";
    static final String PROBLEMS_SHOWN = "reReviewProblems";

    /** {@code spot-check.form}: the findings on the month's sample of items. */
    static final FormRules SPOT_CHECK = FormRules.userTask(PROCESS, "spotCheck", "spot-check",
            Field.readOnly("sampleItems"),
            Field.text(FINDINGS, 4000).required());

    /** {@code re-review-application.form}: the reference of the 复审 application sent. */
    static final FormRules APPLICATION = FormRules.userTask(PROCESS, "submitReReview", "re-review-application",
            Field.readOnly("campaignName"),
            Field.text(AcceptanceForms.REFERENCE, 100).required());

    /** {@code re-review.form}: the method, passed or failed with the problem list, the document and date. */
    static final FormRules RE_REVIEW = FormRules.userTask(PROCESS, "reReview", "re-review",
            Field.readOnly(AcceptanceForms.REVIEW_AUTHORITY),
            Field.choice(METHOD, "OPEN", "UNANNOUNCED"),
            Field.choice(OUTCOME, "PASS", "FAIL"),
            Field.text(AcceptanceForms.DOCUMENT_NO, 100).required(),
            Field.date(AcceptanceForms.DECIDED_ON).required(),
            Field.text(AcceptanceForms.PROBLEMS, 20000).requiredWhen(OUTCOME, "FAIL"));

    /** {@code criticism.form}: the 通报批评's document and date, and the deadline to rectify by. */
    static final FormRules CRITICISM = FormRules.userTask(PROCESS, "recordCriticism", "criticism",
            Field.readOnly(AcceptanceForms.REVIEW_AUTHORITY),
            Field.readOnly(PROBLEMS_SHOWN),
            Field.text(AcceptanceForms.DOCUMENT_NO, 100).required(),
            Field.date(AcceptanceForms.DECIDED_ON).required(),
            Field.date(AcceptanceForms.RECTIFY_BY).required());

    /** {@code withdrawal.form}: the 撤销's document and date. */
    static final FormRules WITHDRAWAL = FormRules.userTask(PROCESS, "recordWithdrawal", "withdrawal",
            Field.readOnly(AcceptanceForms.REVIEW_AUTHORITY),
            Field.readOnly(PROBLEMS_SHOWN),
            Field.text(AcceptanceForms.DOCUMENT_NO, 100).required(),
            Field.date(AcceptanceForms.DECIDED_ON).required());

    @Override
    public List<FormRules> forms() {
        return List.of(SPOT_CHECK, APPLICATION, RE_REVIEW, CRITICISM, WITHDRAWAL);
    }
}
