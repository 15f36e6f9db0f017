package cn.chuangwei.campaign;

/** DRAFT (being set up), ACTIVE (its process runs), COMPLETED (all five phases passed). */
public enum CampaignStatus {
    DRAFT, ACTIVE, COMPLETED
}
