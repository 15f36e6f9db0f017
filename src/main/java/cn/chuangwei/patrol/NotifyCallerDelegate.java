package cn.chuangwei.patrol;

import static cn.chuangwei.patrol.CaseVariables.caseId;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.notify.MailOutbox;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A complaint's caller hears the result by mail when they left an address; the reply is awaited for a while. */
@Component
class NotifyCallerDelegate implements JavaDelegate {

    private final CaseRepository cases;
    private final MailOutbox outbox;
    private final DueDates dueDates;
    private final CaseNames names;

    NotifyCallerDelegate(CaseRepository cases, MailOutbox outbox, DueDates dueDates, CaseNames names) {
        this.cases = cases;
        this.names = names;
        this.outbox = outbox;
        this.dueDates = dueDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PatrolCase c = cases.find(caseId(execution)).orElseThrow();
        execution.setVariable("replyDue", dueDates.dueInWorkingDays(5));
        if (c.callerEmail() == null) {
            return;
        }
        Map<String, String> v = new HashMap<>();
        v.put("caseNumber", "案卷" + c.id());
        // the unit's 处理反馈 (a case handled before it was a step: the handling's note)
        String result = c.feedbackResult() != null ? c.feedbackResult() : c.handleResult();
        v.put("result", result == null ? "" : result);
        v.put("reportedOn", c.reportedAt().atZone(dueDates.zone()).format(DateTimeFormatter.ISO_LOCAL_DATE));
        v.put("description", c.description());
        v.put("address", c.address());
        v.put("unitName", names.unit(c.campaignId(), c.unitCode()));
        // the caller speaks Chinese to the hotline: the category by its Chinese name, never its code
        v.put("categoryName", names.category(c.category(), cn.chuangwei.kernel.Texts.ZH));
        outbox.enqueueToAddress("case-result:" + c.id() + ":" + (c.reopened() ? 2 : 1), c.callerEmail(), c.callerName(),
                "CASE_RESULT", v);
    }
}
