package cn.chuangwei.task;

import cn.chuangwei.kernel.ApiException;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One edit of a row by the office: its deadline ({@link DeadlineChanges}) and its unit ({@link UnitChanges}) with one
 * reason, both or neither: a refusal of either leaves the row, its task and its history as they were.
 */
@Service
class RowEdits {

    private final TaskRowRepository rows;
    private final DeadlineChanges deadlines;
    private final UnitChanges units;

    RowEdits(TaskRowRepository rows, DeadlineChanges deadlines, UnitChanges units) {
        this.rows = rows;
        this.deadlines = deadlines;
        this.units = units;
    }

    @Transactional
    public TaskRow edit(long campaignId, long rowId, LocalDate deadline, String unitCode, String reason, String user) {
        TaskRow row = rows.find(rowId).filter(r -> r.campaignId() == campaignId)
                .orElseThrow(() -> ApiException.notFound("unknown-task-row", rowId));
        boolean moveDeadline = deadline != null && !deadline.equals(row.deadline());
        boolean moveUnit = unitCode != null && !unitCode.isBlank() && !unitCode.trim().equals(row.unitCode());
        if (!moveDeadline && !moveUnit) {
            throw ApiException.badRequest("row-unchanged", "deadline");
        }
        if (moveDeadline) {
            deadlines.change(campaignId, rowId, deadline, reason, user);
        }
        if (moveUnit) {
            units.change(campaignId, rowId, unitCode.trim(), reason, user);
        }
        return rows.find(rowId).orElseThrow();
    }
}
