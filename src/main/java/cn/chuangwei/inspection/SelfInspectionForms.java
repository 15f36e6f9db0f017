package cn.chuangwei.inspection;

import cn.chuangwei.kernel.FormRules;
import cn.chuangwei.kernel.FormRules.Field;
import cn.chuangwei.kernel.ProcessForms;
import java.util.List;
import org.springframework.stereotype.Component;

/** The forms of {@code self-inspection.bpmn}: an area's score sheet and the indicator readings. */
@Component
class SelfInspectionForms implements ProcessForms {

    static final String PROCESS = "self-inspection";
    static final String SCORES = "scores";
    static final String READINGS = "readings";

    /**
     * {@code score-sheet.form}: one line per item still to score. A sheet exists only for an area with such items, so
     * an empty sheet is never complete.
     */
    static final FormRules SCORE_SHEET = FormRules.userTask(PROCESS, "scoreSheet", "score-sheet",
            Field.readOnly("areaName"), Field.readOnly("itemsText"),
            Field.text(SCORES, 20000).required());

    /** {@code indicator-readings.form}: one line per indicator still to read (none left in a later round). */
    static final FormRules INDICATOR_READINGS = FormRules.userTask(PROCESS, "indicatorReadings", "indicator-readings",
            Field.readOnly("indicatorsText"),
            Field.text(READINGS, 20000));

    @Override
    public List<FormRules> forms() {
        return List.of(SCORE_SHEET, INDICATOR_READINGS);
    }
}
