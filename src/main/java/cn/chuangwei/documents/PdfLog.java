package cn.chuangwei.documents;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's messages in the application's log (it would print them to standard error itself), under
 * {@code com.openhtmltopdf.*}: its warnings as warnings, its progress reports ("INFO") at debug level.
 */
final class PdfLog implements XRLogger {

    private PdfLog() {
    }

    static void install() {
        if (!(XRLog.getLoggerImpl() instanceof PdfLog)) {
            XRLog.setLoggerImpl(new PdfLog());
        }
    }

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        Logger log = LoggerFactory.getLogger(where);
        log.atLevel(slf4j(level)).setCause(th).log(msg);
    }

    @Override
    public void setLevel(String logger, Level level) {
        // the application's logging configuration decides
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere())
                .isEnabledForLevel(slf4j(diagnostic.getLevel()));
    }

    private static org.slf4j.event.Level slf4j(Level level) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            return org.slf4j.event.Level.ERROR;
        }
        if (level.intValue() >= Level.WARNING.intValue()) {
            return org.slf4j.event.Level.WARN;
        }
        return level.intValue() >= Level.INFO.intValue() ? org.slf4j.event.Level.DEBUG : org.slf4j.event.Level.TRACE;
    }
}
