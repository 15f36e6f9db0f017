package cn.chuangwei.documents;

import java.util.regex.Pattern;

/** Text as XML 1.0 can carry it, for the PDF's XHTML and the workbook's XML. */
final class XmlText {

    /** Characters XML 1.0 cannot carry (controls other than tab and line breaks, U+FFFE, U+FFFF, lone surrogates). */
    private static final Pattern NOT_XML =
            Pattern.compile("[^\\u0009\\u000A\\u000D\\u0020-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

    private XmlText() {
    }

    /** {@code s} without the characters XML cannot carry. */
    static String clean(String s) {
        return NOT_XML.matcher(s).replaceAll("");
    }
}
