package cn.chuangwei.campaign;

/** A person in a campaign's leading group, office or supervision team. */
public record CampaignMember(String userId, MemberRole role) {
}
