package cn.chuangwei.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** A list's count reads right in English (1 row, 3 rows) as in Chinese (共 3 条). */
class PageCountTextTest {

    @Test
    void theCountOfAListIsSingularForOneRow() {
        ResourceBundleMessageSource pages = new ResourceBundleMessageSource();
        pages.setBasename("messages/pages");
        pages.setDefaultEncoding("UTF-8");
        pages.setFallbackToSystemLocale(false);
        assertThat(pages.getMessage("page.count", new Object[] {0}, Locale.ENGLISH)).isEqualTo("No rows");
        assertThat(pages.getMessage("page.count", new Object[] {1}, Locale.ENGLISH)).isEqualTo("1 row");
        assertThat(pages.getMessage("page.count", new Object[] {1234}, Locale.ENGLISH)).isEqualTo("1,234 rows");
        assertThat(pages.getMessage("page.count", new Object[] {3}, Locale.SIMPLIFIED_CHINESE)).isEqualTo("共 3 条");
    }
}
