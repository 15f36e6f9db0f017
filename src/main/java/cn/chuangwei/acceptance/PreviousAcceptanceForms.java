package cn.chuangwei.acceptance;

import cn.chuangwei.kernel.FormRules;
import cn.chuangwei.kernel.FormRules.Field;

/**
 * The forms of the versions of {@code acceptance.bpmn} before issue 16 (one step for 暗访 and 技术评估, one for 公示 and
 * 命名), as their listeners still check them for the campaigns that run on those versions. Not deployed any more, so
 * not among the {@link AcceptanceForms}.
 */
final class PreviousAcceptanceForms {

    static final FormRules EXTERNAL_RESULTS = FormRules.userTask("acceptance", "externalResults", "external-results",
            Field.choice("externalOutcome", "PASS", "FAIL"),
            Field.text(AcceptanceForms.PROBLEMS, 20000).requiredWhen("externalOutcome", "FAIL"));

    static final FormRules PUBLIC_NOTICE = FormRules.userTask("acceptance", "publicNotice", "public-notice",
            Field.date(AcceptanceForms.NAMING_DATE).required(),
            Field.text(AcceptanceForms.NAMING_DOCUMENT, 200).required());

    private PreviousAcceptanceForms() {
    }
}
