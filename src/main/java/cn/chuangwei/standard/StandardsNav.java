package cn.chuangwei.standard;

import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.web.Page;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Whether the pages' header links to the standards and their versions: for those who load them (the office). */
@ControllerAdvice(annotations = Page.class)
class StandardsNav {

    private final CurrentUser currentUser;

    StandardsNav(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @ModelAttribute("loadsStandards")
    boolean loadsStandards() {
        return currentUser.isOffice();
    }
}
