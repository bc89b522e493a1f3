package dev.heroku4j.client.testsupport;

import java.io.IOException;
import java.util.List;

/** A real {@code redis-server} on a free loopback port, no persistence: a restart empties it, as a real crash can. */
public final class LocalRedis extends LocalProcess {

    private LocalRedis() throws IOException {
        super("redis");
    }

    /** Starts one; close it to stop it and remove its directory. */
    public static LocalRedis started() throws IOException, InterruptedException {
        LocalRedis redis = new LocalRedis();
        redis.start();
        return redis;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    protected List<String> command() {
        return List.of(binary("redis-server"), "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--daemonize", "no");
    }
}
