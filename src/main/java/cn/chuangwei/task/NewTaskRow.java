package cn.chuangwei.task;

import cn.chuangwei.kernel.Phase;
import java.time.LocalDate;

/** A decomposition row checked and ready to be written. */
public record NewTaskRow(Phase phase, String title, String target, String unitCode, String personUserId,
                         LocalDate deadline, boolean critical, String areaCode) {
}
