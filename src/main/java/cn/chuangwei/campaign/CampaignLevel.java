package cn.chuangwei.campaign;

/** The level at which the town is to be named: 市级, 省级, 国家级. */
public enum CampaignLevel {
    MUNICIPAL, PROVINCIAL, NATIONAL
}
