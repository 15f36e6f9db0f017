package cn.chuangwei.task;

import cn.chuangwei.kernel.Phase;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One row of a campaign's task decomposition table (任务分解表): 定任务、定目标、定时限、定责任人.
 *
 * @param assignedAt when the row was first handed to its unit, which starts its time limit (null before)
 */
public record TaskRow(long id, long campaignId, Phase phase, int seq, String title, String target, String unitCode,
                      String personUserId, LocalDate deadline, boolean critical, String areaCode, TaskOrigin origin,
                      int gateRound, TaskStatus status, String resultSummary, String returnReason, int reworkCount,
                      Instant submittedAt, String submittedBy, Instant acceptedAt, String acceptedBy, Instant assignedAt) {
}
