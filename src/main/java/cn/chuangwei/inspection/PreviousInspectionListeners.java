package cn.chuangwei.inspection;

import cn.chuangwei.ops.PreviousBeanNames;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The score sheet's and the readings' listeners as versions of self-inspection.bpmn before December 2026 name them. */
@Configuration
class PreviousInspectionListeners {

    @Bean
    TaskListener scoreSheetRecorder(ListScoreItemsListener list, RecordScoresListener record) {
        return PreviousBeanNames.byEvent(list, record);
    }

    @Bean
    TaskListener readingsRecorder(ListIndicatorsListener list, RecordReadingsListener record) {
        return PreviousBeanNames.byEvent(list, record);
    }
}
