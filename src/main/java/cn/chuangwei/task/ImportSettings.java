package cn.chuangwei.task;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of an uploaded task decomposition (任务分解表, {@code chuangwei.import}).
 *
 * @param maxRows Rows a decomposition file may have.
 * @param maxBytes Bytes a decomposition file may have.
 */
@Validated
@ConfigurationProperties("chuangwei.import")
record ImportSettings(@NotNull @Positive Integer maxRows, @NotNull @Positive Long maxBytes) {
}
