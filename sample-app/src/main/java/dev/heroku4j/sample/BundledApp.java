package dev.heroku4j.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.heroku4j.client.deploy.DeploySource;

/** The small Node.js app bundled in the jar ({@code src/main/resources/bundled-app}) that the deploy action sends. */
final class BundledApp {

    static final List<String> FILES = List.of("Procfile", "package.json", "server.js");

    private BundledApp() {
    }

    static DeploySource source() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : FILES) {
            try (InputStream in = BundledApp.class.getResourceAsStream("/bundled-app/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("bundled-app/" + name + " is missing from the sample's jar");
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return DeploySource.files(files);
    }
}
