package cn.chuangwei.task;

import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.standard.StandardAreas;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence for a unit's task: uploaded by the unit while its task is open, with a type and a standard area; read by the
 * unit itself, the office, the supervisors and the leading group.
 */
@Service
public class EvidenceService {

    static final Set<String> TYPES = Set.of("PHOTO", "DOCUMENT", "MINUTES", "REPORT", "VIDEO", "OTHER");

    private final EvidenceRepository evidence;
    private final TaskRowRepository rows;
    private final CampaignRepository campaigns;
    private final StandardAreas standards;
    private final WorkService work;
    private final CurrentUser currentUser;
    private final VisibleCampaigns visible;
    private final Clock clock;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final long maxBytes;

    EvidenceService(EvidenceRepository evidence, TaskRowRepository rows, CampaignRepository campaigns,
                    StandardAreas standards, WorkService work, CurrentUser currentUser, Clock clock,
                    org.springframework.jdbc.core.simple.JdbcClient jdbc,
                    EvidenceSettings limits, VisibleCampaigns visible) {
        this.evidence = evidence;
        this.rows = rows;
        this.campaigns = campaigns;
        this.standards = standards;
        this.work = work;
        this.currentUser = currentUser;
        this.visible = visible;
        this.clock = clock;
        this.jdbc = jdbc;
        this.maxBytes = limits.maxBytes();
    }

    @Transactional
    public Evidence upload(String taskId, String fileName, String contentType, byte[] content, String type, String area,
                           String item, String description) {
        WorkItem task = work.get(taskId);
        if (!takesEvidence(task)) {
            throw ApiException.badRequest("evidence-only-on-unit-task", "taskId", taskId);
        }
        TaskRow row = rows.find(task.taskRowId()).orElseThrow(() -> ApiException.notFound("unknown-task", taskId));
        if (content == null || content.length == 0) {
            throw ApiException.badRequest("empty-file", "file");
        }
        if (content.length > maxBytes) {
            throw new ApiException(org.springframework.http.HttpStatus.PAYLOAD_TOO_LARGE, "file-too-large", "file", null);
        }
        String name = fileName == null || fileName.isBlank() ? "evidence" : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        if (name.length() > 255) {
            name = name.substring(name.length() - 255);
        }
        String t = type == null || type.isBlank() ? "DOCUMENT" : type.trim().toUpperCase(java.util.Locale.ROOT);
        if (!TYPES.contains(t)) {
            throw ApiException.badRequest("invalid-choice", "type", "type", type, String.join(", ", TYPES));
        }
        if ("PHOTO".equals(t) && !isImage(content)) {
            throw ApiException.badRequest("not-an-image", "file", name);
        }
        if (EvidenceKind.of(content, name).isEmpty()) {
            throw ApiException.badRequest("file-type-not-allowed", "file", name);
        }
        Campaign campaign = campaigns.find(row.campaignId()).orElseThrow();
        String a = area == null || area.isBlank() ? row.areaCode() : area.trim();
        if (a == null) {
            throw ApiException.badRequest("required", "area", "area");
        }
        String areaCode = a;
        if (standards.areas(campaign.standardCode()).stream().noneMatch(x -> x.code().equals(areaCode))) {
            throw ApiException.badRequest("unknown-area", "area", "area", areaCode);
        }
        String itemCode = item == null || item.isBlank() ? null : item.trim().toUpperCase(java.util.Locale.ROOT);
        if (itemCode != null && jdbc.sql("""
                select count(*) from standard_item where standard_code = :s and code = :i and area_code = :a""")
                .param("s", campaign.standardCode()).param("i", itemCode).param("a", areaCode).query(Integer.class)
                .single() == 0) {
            throw ApiException.badRequest("unknown-item", "item", itemCode, itemCode);
        }
        if (description != null && description.length() > 500) {
            throw ApiException.badRequest("too-long", "description", "description", 500);
        }
        String ct = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
        long id = evidence.insert(row.id(), name, ct.length() > 100 ? "application/octet-stream" : ct, content,
                sha256(content), t, areaCode, itemCode, description, currentUser.id(), clock.instant());
        return evidence.find(id).orElseThrow();
    }

    /**
     * Removes a wrong file before the task is handed in: only someone of the row's own unit (the uploader's), only
     * while the row waits for the unit (open or returned); the removal is noted in the row's history.
     */
    @Transactional
    public Evidence remove(long id) {
        Evidence e = find(id);
        TaskRow row = rows.find(e.taskRowId()).orElseThrow();
        if (!currentUser.inGroup(Groups.unit(row.unitCode()))) {
            throw ApiException.forbidden("not-your-unit");
        }
        if (!row.status().isOpen()) {
            throw ApiException.conflict("evidence-task-closed", "id", id);
        }
        evidence.delete(id);
        rows.event(row.id(), "EVIDENCE_REMOVED", currentUser.id(), e.fileName(), clock.instant());
        return e;
    }

    /** The standard's areas a file of a task's evidence may belong to, and the row's own area (null when it names none). */
    public record Areas(String rowArea, List<StandardAreas.Area> all) {
    }

    /** The areas a file of this unit task's evidence may be filed under (the row's own is taken when none is chosen). */
    public Areas areas(WorkItem task) {
        TaskRow row = rows.find(task.taskRowId()).orElseThrow(() -> ApiException.notFound("unknown-task", task.id()));
        Campaign campaign = campaigns.find(row.campaignId()).orElseThrow();
        return new Areas(row.areaCode(), standards.areas(campaign.standardCode()));
    }

    /** Whether files of evidence are attached to this task: a unit's task of a decomposition row. */
    public boolean takesEvidence(WorkItem task) {
        return UnitTaskForms.UNIT_TASK.equals(task.taskDefinitionKey()) && task.taskRowId() != null;
    }

    public List<Evidence> ofRow(long rowId) {
        TaskRow row = rows.find(rowId).orElseThrow(() -> ApiException.notFound("unknown-task-row", rowId));
        requireReader(row);
        return evidence.ofRow(rowId);
    }

    public Evidence find(long id) {
        Evidence e = evidence.find(id).orElseThrow(() -> ApiException.notFound("unknown-evidence", id));
        requireReader(rows.find(e.taskRowId()).orElseThrow());
        return e;
    }

    public byte[] content(long id) {
        find(id);
        return evidence.content(id);
    }

    /** The town's office, supervisors and leading group (and the county above) read every unit's rows; a unit its own. */
    public void requireReader(TaskRow row) {
        visible.requireUnit(row.campaignId(), row.unitCode());
    }

    public static boolean isImage(byte[] b) {
        return imageType(b) != null;
    }

    /** The image's media type read from its first bytes (JPEG, PNG, GIF or WebP), whatever its name says; else null. */
    public static String imageType(byte[] b) {
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(b, 'G', 'I', 'F', '8')) {
            return "image/gif";
        }
        return starts(b, 'R', 'I', 'F', 'F') && b.length > 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P'
                ? "image/webp" : null;
    }

    /** Whether the bytes begin with this signature (a file type's magic number). */
    static boolean starts(byte[] b, int... prefix) {
        if (b == null || b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
