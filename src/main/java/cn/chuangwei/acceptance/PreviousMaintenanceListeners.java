package cn.chuangwei.acceptance;

import cn.chuangwei.ops.PreviousBeanNames;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The spot check's listener as versions of maintenance.bpmn before December 2026 name it. */
@Configuration
class PreviousMaintenanceListeners {

    @Bean
    TaskListener spotCheckRecorder(SampleSpotCheckItemsListener sample, RecordSpotCheckListener record) {
        return PreviousBeanNames.byEvent(sample, record);
    }
}
