package cn.chuangwei.campaign;

import java.util.List;

/** A responsible unit (责任单位) of a campaign: its head answers for it; a deputy leader is in charge of it (分管). */
public record CampaignUnit(String code, String name, UnitType type, String headUserId, String deputyUserId,
                           List<String> roles) {
}
