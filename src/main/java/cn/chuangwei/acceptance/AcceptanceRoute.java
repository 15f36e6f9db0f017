package cn.chuangwei.acceptance;

/**
 * The acceptance path a campaign's level selects ({@code dmn/acceptance-route.dmn}) and who acts for each authority.
 *
 * @param path LOCAL (the county or city 初审, then the reviewing authority) or NATIONAL (the province recommends)
 * @param preliminaryLevel the level of the first authority: COUNTY (the county or city above the town) or PROVINCE
 * @param reviewLevel the level of the authority that reviews, notices and names: CITY, PROVINCE or NATION
 * @param noticeDays calendar days of the public notice (公示)
 * @param submissionWindow whether applications are taken only within the national cycle's window
 * @param preliminaryOffice the people of the first authority's office in the system, comma-separated; empty when none
 * @param reviewOffice the people of the reviewing authority's office in the system, comma-separated; empty when none
 * @param preliminaryAuthority the first authority as the forms name it, and who records its result
 * @param reviewAuthority the reviewing authority as the forms name it, and who records its results
 */
record AcceptanceRoute(String path, String preliminaryLevel, String reviewLevel, int noticeDays, boolean submissionWindow,
                       String preliminaryOffice, String reviewOffice, String preliminaryAuthority, String reviewAuthority) {
}
