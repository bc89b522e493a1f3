package dev.heroku4j.simulator.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Builds the simulator's container image locally, for machines that cannot pull anything: {@code FROM scratch}, a
 * {@code jlink}ed runtime of the JDK running the build, the shared libraries it needs copied from this host, and the
 * shaded jar. Needs Testcontainers on the classpath (a provided dependency of the simulator).
 */
public final class SimulatorImage {

	/** Image name used for the locally built image. */
	public static final String IMAGE_NAME = "local/heroku-simulator";

	/** JDK modules the shaded jar needs (checked with {@code jdeps --print-module-deps}). */
	static final String MODULES = "java.base,java.logging,java.management,java.naming,java.net.http,java.sql,java.xml,jdk.unsupported,jdk.crypto.ec";

	/** Libraries the runtime links to; those absent on a host are skipped. */
	private static final List<String> LIBRARIES = List.of("libc.so.6", "libm.so.6", "libz.so.1", "libgcc_s.so.1",
			"libstdc++.so.6", "libpthread.so.0", "libdl.so.2", "librt.so.1");

	private SimulatorImage() {
	}

	/** An image from the given shaded jar ({@code heroku-simulator/target/heroku-simulator.jar}). */
	public static ImageFromDockerfile build(Path shadedJar) {
		return new ImageFromDockerfile(IMAGE_NAME, false).withFileFromPath(".", context(shadedJar));
	}

	/** Assembles the build context in a temporary folder: Dockerfile, jre/, lib/, lib64/, app/, tmp/. */
	public static Path context(Path shadedJar) {
		try {
			Path context = Files.createTempDirectory("heroku-simulator-image");
			Files.createDirectories(context.resolve("app"));
			Files.createDirectories(context.resolve("tmp"));
			Files.copy(shadedJar, context.resolve("app/heroku-simulator.jar"));
			Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
			run(List.of(jlink.toString(), "--add-modules", MODULES, "--strip-debug", "--no-man-pages", "--no-header-files",
					"--compress=2", "--output", context.resolve("jre").toString()));
			Path lib = Files.createDirectories(context.resolve("lib/x86_64-linux-gnu"));
			for (String name : LIBRARIES) {
				Path source = Path.of("/lib/x86_64-linux-gnu", name);
				if (Files.exists(source)) {
					Files.copy(source, lib.resolve(name));
				}
			}
			Files.createDirectories(context.resolve("lib64"));
			Files.copy(Path.of("/lib64/ld-linux-x86-64.so.2"), context.resolve("lib64/ld-linux-x86-64.so.2"));
			try (var dockerfile = SimulatorImage.class.getResourceAsStream("/heroku-simulator-docker/Dockerfile")) {
				Files.copy(dockerfile, context.resolve("Dockerfile"));
			}
			return context;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void run(List<String> command) throws IOException {
		Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IOException("jlink failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

}
