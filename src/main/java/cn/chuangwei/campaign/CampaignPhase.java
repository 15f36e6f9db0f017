package cn.chuangwei.campaign;

import cn.chuangwei.kernel.Phase;
import java.time.Instant;
import java.time.LocalDate;

/** A phase of a campaign with its dates, where it stands, and the outcome of its latest gate. */
public record CampaignPhase(long campaignId, Phase phase, LocalDate startDate, LocalDate endDate, PhaseStatus status,
                           int gateRound, String gateOutcome, Instant startedAt, Instant completedAt) {
}
