package cn.chuangwei.acceptance;

import cn.chuangwei.kernel.FormRules;
import cn.chuangwei.kernel.FormRules.Field;
import cn.chuangwei.kernel.ProcessForms;
import java.util.List;
import org.springframework.stereotype.Component;

/** The form of {@code maintenance.bpmn}: the monthly spot check. */
@Component
class MaintenanceForms implements ProcessForms {

    static final String FINDINGS = "findings";

    /** {@code spot-check.form}: the findings on the month's sample of items. */
    static final FormRules SPOT_CHECK = FormRules.userTask("maintenance", "spotCheck", "spot-check",
            Field.readOnly("sampleItems"),
            Field.text(FINDINGS, 4000).required());

    @Override
    public List<FormRules> forms() {
        return List.of(SPOT_CHECK);
    }
}
