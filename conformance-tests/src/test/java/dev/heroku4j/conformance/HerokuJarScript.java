package dev.heroku4j.conformance;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.heroku.api.Addon;
import com.heroku.api.App;
import com.heroku.api.Build;
import com.heroku.api.Dyno;
import com.heroku.api.Formation;
import com.heroku.api.HerokuAPI;
import com.heroku.api.Release;
import com.heroku.api.Source;

/**
 * The everyday script through heroku.jar 0.46 (Heroku's Java client: {@code HerokuAPI} on its Apache HttpClient
 * connection). heroku.jar reads its endpoint once per JVM, from {@code heroku.host}, so {@link #run} must be called
 * after {@link #pointAt} and before anything else touches heroku.jar's classes.
 */
final class HerokuJarScript {

	static final String CLIENT = "heroku.jar";

	private final List<CheckResult> results = new ArrayList<>();

	private final HerokuAPI heroku;

	private final String app = "conf-jar-" + ProcessHandle.current().pid();

	private Release firstRelease;

	private Build build;

	private HerokuJarScript(String apiKey) {
		this.heroku = new HerokuAPI(apiKey);
	}

	/**
	 * Sets heroku.jar's endpoint: {@code com.heroku.api.Heroku.Config.ENDPOINT} reads the system property
	 * {@code heroku.host} (else the environment variable {@code HEROKU_HOST}) when the class is loaded and keeps an
	 * {@code http(s)://} value as it is.
	 */
	static void pointAt(String baseUrl) {
		System.setProperty("heroku.host", baseUrl);
	}

	static List<CheckResult> run(String apiKey) {
		HerokuJarScript script = new HerokuJarScript(apiKey);
		script.everyday();
		return script.results;
	}

	private void everyday() {
		check("user info", () -> expect(this.heroku.getUserInfo().getEmail().contains("@"), "an email"));
		check("keys list", () -> expect(this.heroku.listKeys() != null, "a list"));
		check("stacks list", () -> expect(this.heroku.listAppStacks().stream().anyMatch((s) -> "heroku-24".equals(s.getName())),
				"heroku-24 listed"));
		check("app name available", () -> expect(this.heroku.isAppNameAvailable(this.app), "the name free"));
		check("app create", () -> expect(this.app.equals(this.heroku.createApp(new App().named(this.app)).getName()), "the name"));
		check("app exists", () -> expect(this.heroku.appExists(this.app), "the app found"));
		check("app info", () -> expect(this.app.equals(this.heroku.getApp(this.app).getName()), "the app"));
		check("app list", () -> expect(this.heroku.listApps().stream().anyMatch((a) -> this.app.equals(a.getName())), "listed"));
		check("maintenance on", () -> {
			this.heroku.setMaintenanceMode(this.app, true);
			expect(this.heroku.isMaintenanceModeEnabled(this.app), "maintenance on");
		});
		check("maintenance off", () -> {
			this.heroku.setMaintenanceMode(this.app, false);
			expect(!this.heroku.isMaintenanceModeEnabled(this.app), "maintenance off");
		});
		check("config update", () -> this.heroku.updateConfig(this.app, Map.of("GREETING", "hello")));
		check("config list", () -> expect("hello".equals(this.heroku.listConfig(this.app).get("GREETING")), "GREETING=hello"));
		check("releases list", () -> {
			List<Release> releases = this.heroku.listReleases(this.app);
			expect(releases.size() >= 2, "v1 and the config release, got " + releases.size());
			this.firstRelease = releases.get(0);
		});
		check("release info", () -> expect(this.heroku.getReleaseInfo(this.app, "1").getVersion() == 1, "release v1"));
		check("rollback", () -> expect(this.heroku.rollback(this.app, this.firstRelease.getId()).getVersion() > 2,
				"a new release"));
		check("source create", () -> expect(this.heroku.createSource().getSource_blob().getPut_url() != null, "a put_url"));
		check("build create", () -> {
			Source source = this.heroku.createSource();
			this.build = this.heroku.createBuild(this.app,
					new Build(source.getSource_blob().getGet_url(), "v1", new String[0]));
			expect(this.build.getId() != null, "a build id");
		});
		check("build info", () -> expect("succeeded".equals(this.heroku.getBuildInfo(this.app, this.build.getId()).getStatus()),
				"succeeded"));
		check("formation list", () -> expect(this.heroku.listFormation(this.app).stream().anyMatch((f) -> "web".equals(f.getType())),
				"a web process type"));
		check("scale", () -> {
			Formation web = this.heroku.scale(this.app, "web", 2);
			expect(web.getQuantity() == 2, "quantity 2, got " + web.getQuantity());
		});
		check("dynos list", () -> expect(this.heroku.listDynos(this.app).stream().anyMatch((d) -> "web".equals(d.getType())),
				"a web dyno"));
		check("dyno restart", () -> {
			Dyno dyno = this.heroku.listDynos(this.app).iterator().next();
			this.heroku.restartDyno(this.app, dyno.getName());
		});
		check("dynos restart all", () -> this.heroku.restartDynos(this.app));
		check("buildpacks update", () -> this.heroku.updateBuildpackInstallations(this.app, List.of("heroku/java")));
		check("buildpacks list", () -> expect(this.heroku.listBuildpackInstallations(this.app).stream()
			.anyMatch((b) -> "heroku/java".equals(b.getBuildpack().getName()) || "heroku/java".equals(b.getBuildpack().getUrl())),
				"heroku/java installed"));
		check("slug create", () -> expect(this.heroku.createSlug(this.app, Map.of("web", "java -jar app.jar")).getId() != null,
				"a slug id"));
		check("addon add", () -> expect(this.heroku.addAddon(this.app, "heroku-postgresql:essential-0") != null, "an add-on"));
		check("addons of the app", () -> expect(this.heroku.listAppAddons(this.app).size() == 1, "one add-on"));
		check("addons of the account", () -> expect(!this.heroku.listAllAddons().isEmpty(), "add-ons"));
		check("addon remove", () -> {
			Addon addon = this.heroku.listAppAddons(this.app).get(0);
			this.heroku.removeAddon(this.app, addon.getName());
		});
		check("collaborator add", () -> this.heroku.addCollaborator(this.app, "friend@example.com"));
		check("collaborators list", () -> expect(this.heroku.listCollaborators(this.app).stream()
			.anyMatch((c) -> "friend@example.com".equals(c.getUser().get("email"))), "the collaborator"));
		check("collaborator remove", () -> this.heroku.removeCollaborator(this.app, "friend@example.com"));
		check("logs", () -> {
			try (InputStream in = this.heroku.getLogs(this.app).openStream()) {
				expect(!new String(in.readAllBytes(), StandardCharsets.UTF_8).isBlank(), "log lines");
			}
		});
		check("team create", () -> expect((this.app + "-team").equals(this.heroku.createTeam(this.app + "-team").getName()),
				"the team"));
		check("team app create", () -> expect(this.heroku.createTeamApp(this.app + "-team").getId() != null, "a team app"));
		check("team apps list", () -> expect(!this.heroku.listTeamApps(this.app + "-team").isEmpty(), "the team's apps"));
		check("app rename", () -> expect((this.app + "-new").equals(this.heroku.renameApp(this.app, this.app + "-new")),
				"the new name"));
		check("app destroy", () -> {
			// the app under whichever name it has now: a failed rename must not fail this check too
			String name = this.heroku.appExists(this.app + "-new") ? this.app + "-new" : this.app;
			this.heroku.destroyApp(name);
			expect(!this.heroku.appExists(name), "the app gone");
		});
	}

	private void check(String op, Step step) {
		try {
			step.run();
			this.results.add(CheckResult.passed(CLIENT, op));
		}
		catch (Exception | AssertionError ex) {
			this.results.add(CheckResult.failed(CLIENT, op, reason(ex)));
		}
	}

	private static String reason(Throwable ex) {
		String text = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			text += " <- " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
		}
		String line = text.replaceAll("\\s+", " ").trim();
		return line.length() > 300 ? line.substring(0, 300) : line;
	}

	private static void expect(boolean condition, String what) {
		if (!condition) {
			throw new AssertionError("expected " + what);
		}
	}

	@FunctionalInterface
	private interface Step {

		void run() throws Exception;

	}

}
