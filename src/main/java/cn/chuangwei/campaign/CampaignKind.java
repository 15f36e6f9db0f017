package cn.chuangwei.campaign;

/** 创建卫生乡镇 (the default), 创建文明城市, 创建森林城市: campaigns of the same shape. */
public enum CampaignKind {
    SANITARY_TOWN, CIVILIZED_CITY, FOREST_CITY
}
