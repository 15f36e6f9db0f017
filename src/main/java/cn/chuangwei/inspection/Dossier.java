package cn.chuangwei.inspection;

/**
 * The application dossier (申报材料) of a campaign: the work report and, for every area and item of the standard, the
 * evidence filed for it; {@code unverified} says, one line each, which verdicts of the latest self-inspection rest on
 * thresholds not verified against a published text ({@link UnverifiedVerdicts}), null before the first round.
 * {@link DossierDocuments#zip} packs it.
 */
public record Dossier(String campaignName, String town, String standardName, java.time.LocalDate compiledOn,
                      String workReport, java.util.List<Dossier.Area> areas, java.util.List<String> unverified) {

    /** A dossier with nothing said of unverified thresholds (no self-inspection yet). */
    public Dossier(String campaignName, String town, String standardName, java.time.LocalDate compiledOn,
                   String workReport, java.util.List<Dossier.Area> areas) {
        this(campaignName, town, standardName, compiledOn, workReport, areas, null);
    }

    /** An area of the standard with its items. */
    public record Area(String code, String name, java.util.List<Item> items) {}

    /** An item of the standard and the evidence filed for it; an item without documents is a gap (缺项). */
    public record Item(String code, String name, java.util.List<Document> documents) {}

    /** One evidence file. */
    public record Document(long evidenceId, String fileName, String evidenceType, String description, byte[] content) {}

    /** "ITEMCODE 名称" of every item with no documents, in the order of the areas and items. */
    public java.util.List<String> gaps() {
        java.util.List<String> gaps = new java.util.ArrayList<>();
        if (areas == null) {
            return java.util.List.of();
        }
        for (Area area : areas) {
            if (area == null || area.items() == null) {
                continue;
            }
            for (Item item : area.items()) {
                if (item != null && (item.documents() == null || item.documents().stream().noneMatch(java.util.Objects::nonNull))) {
                    String code = item.code() == null ? "" : item.code().strip();
                    String name = item.name() == null ? "" : item.name().strip();
                    gaps.add((code + " " + name).strip());
                }
            }
        }
        return java.util.List.copyOf(gaps);
    }
}
