package dev.heroku4j.client.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Captures Logback events of some loggers at a level; restores their levels on close. */
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
            logger.addAppender(appender);
        }
    }

    public static LogCapture of(Level level, String... loggerNames) {
        return new LogCapture(level, loggerNames);
    }

    public static LogCapture of(Level level, Class<?> type) {
        return new LogCapture(level, type.getName());
    }

    public synchronized List<ILoggingEvent> events() {
        return List.copyOf(appender.list);
    }

    /** Formatted messages, with the throwable's messages appended. */
    public List<String> messages() {
        return events().stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : " | " + e.getThrowableProxy().getMessage())).toList();
    }

    public String all() {
        return messages().stream().collect(Collectors.joining("\n"));
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
