package cn.chuangwei.patrol;

import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.web.Page;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Whether the pages' header links to the registration of a citizen's complaint: for the hotline's operators. */
@ControllerAdvice(annotations = Page.class)
class ComplaintNav {

    private final CurrentUser currentUser;

    ComplaintNav(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @ModelAttribute("takesComplaints")
    boolean takesComplaints() {
        return currentUser.inGroup(Groups.HOTLINE);
    }
}
