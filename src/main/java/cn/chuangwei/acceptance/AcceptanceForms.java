package cn.chuangwei.acceptance;

import cn.chuangwei.kernel.FormRules;
import cn.chuangwei.kernel.FormRules.Field;
import cn.chuangwei.kernel.ProcessForms;
import java.util.List;
import org.springframework.stereotype.Component;

/** The forms of {@code acceptance.bpmn}: the application, the external inspection's result, the public notice. */
@Component
class AcceptanceForms implements ProcessForms {

    static final String PROCESS = "acceptance";
    static final String REFERENCE = "reference";
    static final String EXTERNAL_OUTCOME = "externalOutcome";
    static final String PROBLEMS = "problems";
    static final String NAMING_DATE = "namingDate";
    static final String NAMING_DOCUMENT = "namingDocument";

    /** {@code submit-application.form}: the reference of the application sent. */
    static final FormRules SUBMIT_APPLICATION = FormRules.userTask(PROCESS, "submitApplication", "submit-application",
            Field.readOnly("campaignName"),
            Field.text(REFERENCE, 100).required());

    /** {@code external-results.form}: PASS, or FAIL with the problems found. */
    static final FormRules EXTERNAL_RESULTS = FormRules.userTask(PROCESS, "externalResults", "external-results",
            Field.choice(EXTERNAL_OUTCOME, "PASS", "FAIL"),
            Field.text(PROBLEMS, 20000).requiredWhen(EXTERNAL_OUTCOME, "FAIL"));

    /** {@code public-notice.form}: the naming's date and document. */
    static final FormRules PUBLIC_NOTICE = FormRules.userTask(PROCESS, "publicNotice", "public-notice",
            Field.date(NAMING_DATE).required(),
            Field.text(NAMING_DOCUMENT, 200).required());

    @Override
    public List<FormRules> forms() {
        return List.of(SUBMIT_APPLICATION, EXTERNAL_RESULTS, PUBLIC_NOTICE);
    }
}
