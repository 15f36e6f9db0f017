package cn.chuangwei.notify;

import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.web.Page;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Whether the pages' header links to 消息发送情况: for the offices and administrators, who may read it. */
@ControllerAdvice(annotations = Page.class)
class DeliveryNav {

    private final CurrentUser currentUser;

    DeliveryNav(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @ModelAttribute("watchesDeliveries")
    boolean watchesDeliveries() {
        return currentUser.isOffice();
    }
}
