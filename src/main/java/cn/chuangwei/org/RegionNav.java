package cn.chuangwei.org;

import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.web.Page;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Whether the pages' header links to the set-up of regions and people: for administrators and the offices. */
@ControllerAdvice(annotations = Page.class)
class RegionNav {

    private final CurrentUser currentUser;

    RegionNav(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    @ModelAttribute("setsUpRegions")
    boolean setsUpRegions() {
        return currentUser.isAdmin() || currentUser.inGroup(Groups.COUNTY_OFFICE) || currentUser.inGroup(Groups.OFFICE);
    }
}
