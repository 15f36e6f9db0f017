package cn.chuangwei.campaign;

/**
 * DRAFT (being set up), ACTIVE (its process runs), COMPLETED (all five phases passed), CLOSED (ended without naming,
 * e.g. not eligible to apply; its record is kept).
 */
public enum CampaignStatus {
    DRAFT, ACTIVE, COMPLETED, CLOSED
}
