package cn.chuangwei.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.H2Test;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Process versions deployed before the delegates were renamed keep running: every bean they name
 * ({@code previous-versions/bean-names.txt}) still resolves, to a delegate or listener (or, for the beans the models
 * call methods on, to the bean that has them), and an old two-event listener hands each event to today's listener.
 */
@H2Test
class PreviousBeanNamesTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyBeanAnEarlierVersionNamesStillResolves() throws IOException {
        List<String> names;
        try (InputStream in = getClass().getResourceAsStream("/previous-versions/bean-names.txt")) {
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.substring(l.indexOf(':') + 1).trim()).toList();
        }
        assertThat(names).hasSizeGreaterThan(40);
        for (String name : names) {
            assertThat(context.containsBean(name)).as(name).isTrue();
            Object bean = context.getBean(name);
            if (!name.equals("phaseGate") && !name.equals("phaseWork")) {
                assertThat(bean).as(name).isInstanceOfAny(JavaDelegate.class, TaskListener.class, ExecutionListener.class);
            }
        }
        assertThat(context.getBean("phaseGate")).isSameAs(context.getBean("openGateDelegate"));
        assertThat(context.getBean("phaseWork")).isSameAs(context.getBean("loadWorkDelegate"));
    }

    @Test
    void aTwoEventListenerOfAnEarlierVersionHandsEachEventOn() {
        TaskListener onCreate = Mockito.mock(TaskListener.class);
        TaskListener onComplete = Mockito.mock(TaskListener.class);
        TaskListener previous = PreviousBeanNames.byEvent(onCreate, onComplete);
        DelegateTask created = Mockito.mock(DelegateTask.class);
        Mockito.when(created.getEventName()).thenReturn(TaskListener.EVENTNAME_CREATE);
        DelegateTask completed = Mockito.mock(DelegateTask.class);
        Mockito.when(completed.getEventName()).thenReturn(TaskListener.EVENTNAME_COMPLETE);
        previous.notify(created);
        previous.notify(completed);
        Mockito.verify(onCreate).notify(created);
        Mockito.verify(onComplete).notify(completed);
        Mockito.verifyNoMoreInteractions(onCreate, onComplete);
    }
}
