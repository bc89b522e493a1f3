package dev.heroku4j.reliability.support;

import java.util.ArrayList;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Captures every Logback event of the given loggers (the root logger catches all) at the given level, with a
 * {@link ListAppender}; restores levels and detaches on close. {@link #everything()} renders message, arguments, MDC,
 * logger/thread names and the whole throwable chain with stack frames, so nothing an appender could print escapes it.
 */
public final class LogCapture implements AutoCloseable {

    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final List<Logger> loggers = new ArrayList<>();
    private final List<Level> previous = new ArrayList<>();

    private LogCapture(Level level, String... names) {
        appender.start();
        for (String name : names) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            loggers.add(logger);
            previous.add(logger.getLevel());
            logger.setLevel(level);
            if (name.equals(org.slf4j.Logger.ROOT_LOGGER_NAME)) {
                logger.addAppender(appender);
            }
        }
    }

    /** Root logger plus the named loggers (their levels raised too, since they may be set lower in the config). */
    public static LogCapture all(Level level, String... moreLoggers) {
        String[] names = new String[moreLoggers.length + 1];
        names[0] = org.slf4j.Logger.ROOT_LOGGER_NAME;
        System.arraycopy(moreLoggers, 0, names, 1, moreLoggers.length);
        return new LogCapture(level, names);
    }

    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    public long count(String contains) {
        return events().stream().filter(e -> e.getFormattedMessage().contains(contains)).count();
    }

    public String everything() {
        StringBuilder sb = new StringBuilder();
        for (ILoggingEvent e : events()) {
            sb.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(' ').append(e.getThreadName())
                    .append(' ').append(e.getFormattedMessage()).append(' ').append(e.getMessage());
            if (e.getArgumentArray() != null) {
                for (Object a : e.getArgumentArray()) {
                    sb.append(' ').append(a);
                }
            }
            sb.append(' ').append(e.getMDCPropertyMap()).append(' ').append(e.getKeyValuePairs());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                sb.append("\n  ").append(t.getClassName()).append(": ").append(t.getMessage());
                for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                    sb.append("\n    ").append(frame.getSTEAsString());
                }
                for (IThrowableProxy s : t.getSuppressed()) {
                    sb.append("\n  suppressed ").append(s.getClassName()).append(": ").append(s.getMessage());
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public void close() {
        for (int i = 0; i < loggers.size(); i++) {
            loggers.get(i).detachAppender(appender);
            loggers.get(i).setLevel(previous.get(i));
        }
        appender.stop();
    }
}
