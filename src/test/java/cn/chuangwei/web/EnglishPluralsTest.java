package cn.chuangwei.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No English text says "1 rows": every text of the English bundles (pages and messages) is formatted with each of its
 * arguments 1, and none may count one of anything in the plural ("1 tasks", "1 working days overdue"). A count takes a
 * choice format, as {@code page.count} does: {@code {0,choice,1#1 row|1<{0,number,integer} rows}}. The texts are read
 * from the bundles, so a text added later is checked too.
 */
class EnglishPluralsTest {

    /**
     * A one, then up to three words, the last ending in s: a plural unless it is one of the words below; a preposition
     * ends the count's phrase ("1 of them with problems" counts nothing in the plural).
     */
    private static final Pattern ONE_THEN_PLURAL = Pattern.compile(
            "(?<![\\d.,#-])\\b1 ((?:(?!(?:of|with|in|to|from|for|and|or) )[A-Za-z-]+ ){0,3}?)([a-z]+s)\\b");

    /** Words ending in s that do not count anything: verbs, pronouns, adverbs. */
    private static final Set<String> NOT_PLURALS = Set.of("is", "has", "was", "does", "its", "this", "as", "us", "yes",
            "plus", "status", "always", "across", "less", "unless", "runs", "fails", "gets", "takes", "needs", "lies",
            "means", "stays", "holds", "shows", "goes", "uses", "belongs", "overlaps", "appears", "interviews", "exists",
            "ends", "reads", "signs", "opens", "closes", "starts", "leads", "works", "says", "reports", "follows",
            "whereas", "thus", "perhaps", "towards", "besides", "afterwards", "sometimes", "becomes", "remains",
            "contains", "allows", "refuses", "counts", "includes", "marks", "lets", "asks", "waits", "answers", "names");

    @Test
    void noEnglishTextCountsOneInThePlural() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String bundle : List.of("messages/pages.properties", "messages/messages.properties")) {
            Properties texts = load(bundle);
            for (String key : new TreeSet<>(texts.stringPropertyNames())) {
                String pattern = texts.getProperty(key);
                if (!pattern.contains("{")) {
                    continue;
                }
                String text;
                try {
                    MessageFormat format = new MessageFormat(pattern, Locale.ENGLISH);
                    Object[] ones = new Object[Math.max(1, format.getFormatsByArgumentIndex().length)];
                    java.util.Arrays.fill(ones, 1);
                    text = format.format(ones);
                } catch (IllegalArgumentException e) {
                    wrong.add(bundle + " " + key + ": not a message format (" + e.getMessage() + ")");
                    continue;
                }
                Matcher m = ONE_THEN_PLURAL.matcher(text);
                while (m.find()) {
                    if (!NOT_PLURALS.contains(m.group(2))) {
                        wrong.add(bundle + " " + key + ": \"" + m.group() + "\" in \"" + text + "\"");
                    }
                }
            }
        }
        assertThat(wrong).as("English texts that count one in the plural").isEmpty();
    }

    /** The check itself finds a plural after one, and lets a singular or a verb pass. */
    @Test
    void theCheckFindsOnePlural() {
        assertThat(ONE_THEN_PLURAL.matcher("1 working days overdue").find()).isTrue();
        assertThat(ONE_THEN_PLURAL.matcher("No. 1 rows").find()).isTrue();
        assertThat(ONE_THEN_PLURAL.matcher("1 row").find()).isFalse();
        assertThat(ONE_THEN_PLURAL.matcher("11 rows").find()).isFalse();
        assertThat(ONE_THEN_PLURAL.matcher("1 of them with problems").find()).isFalse();
        Matcher verb = ONE_THEN_PLURAL.matcher("Item 1 has no score");
        assertThat(verb.find() && !NOT_PLURALS.contains(verb.group(2))).isFalse();
    }

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = EnglishPluralsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
