package cn.chuangwei.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings of the documents ({@code chuangwei.documents}).
 *
 * @param font The Chinese TrueType font the PDFs embed: a .ttf file, or {@code file.ttc#PostScriptName} for one font of
 *             a collection; blank to use the first of the well-known places (Debian's fonts-wqy-microhei first).
 */
@ConfigurationProperties("chuangwei.documents")
record DocumentSettings(String font) {
}
