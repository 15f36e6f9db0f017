package cn.chuangwei.task;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of an uploaded file of evidence, a task's or a patrol case's photo ({@code chuangwei.evidence}).
 *
 * @param maxBytes Bytes one file of evidence or one photo may have.
 */
@Validated
@ConfigurationProperties("chuangwei.evidence")
public record EvidenceSettings(@NotNull @Positive Long maxBytes) {
}
