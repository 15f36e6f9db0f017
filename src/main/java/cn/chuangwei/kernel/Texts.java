package cn.chuangwei.kernel;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Texts from the message bundles in Chinese (the default) and English. */
@Component
public class Texts {

    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;

    private final MessageSource messages;

    Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String zh(String key, Object... args) {
        return messages.getMessage(key, args, key, ZH);
    }

    public String en(String key, Object... args) {
        return messages.getMessage(key, args, key, EN);
    }

    public String get(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
