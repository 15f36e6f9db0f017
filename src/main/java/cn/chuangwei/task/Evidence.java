package cn.chuangwei.task;

import java.time.Instant;

/** A file kept as evidence (佐证材料) of a task: its type and the standard area it belongs to. */
public record Evidence(long id, long taskRowId, String fileName, String contentType, long sizeBytes, String sha256,
                       String evidenceType, String areaCode, String itemCode, String description, String uploadedBy,
                       Instant uploadedAt) {
}
