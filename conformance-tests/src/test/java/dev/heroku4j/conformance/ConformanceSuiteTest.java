package dev.heroku4j.conformance;

import java.net.ProxySelector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.heroku4j.simulator.HerokuSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The everyday script (apps, config vars, formation, dynos, releases, rollback, builds, add-ons, domains, drains,
 * pipelines, promotions, webhooks, features, keys, regions, stacks, teams, spaces, logs) run by three clients that
 * nobody here wrote, against one simulator on 127.0.0.1. Prints {@code conformance: <client> N/M} per client and
 * overall, and every failure with its reason. A node client's attempt to reach any host but loopback is refused by
 * {@code loopback-guard.js} and counted as a failed check of its own ({@code off loopback: <host>}). A failure not listed in {@code known-differences.tsv} fails the build;
 * a listed operation that passes now is printed, so the list can be kept true.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConformanceSuiteTest {

	private static final String API_KEY = "conformance-suite-key";

	private static final Path MODULE = Path.of("").toAbsolutePath();

	private static final List<CheckResult> ALL = new CopyOnWriteArrayList<>();

	private static final LoopbackProxySelector JVM_GUARD = new LoopbackProxySelector();

	private static ProxySelector previousProxySelector;

	private static HerokuSimulator simulator;

	private static KnownDifferences known;

	private static LoopbackEnvironment environment;

	private static NodeClients node;

	@BeforeAll
	static void start(@TempDir Path home) throws Exception {
		known = KnownDifferences.load(MODULE.resolve("src/test/resources/known-differences.tsv"));
		simulator = HerokuSimulator.builder().start();
		previousProxySelector = ProxySelector.getDefault();
		ProxySelector.setDefault(JVM_GUARD);
		HerokuJarScript.pointAt(simulator.baseUrl());
		environment = new LoopbackEnvironment(home, MODULE, simulator.baseUrl(), API_KEY);
		node = new NodeClients(MODULE, environment);
		node.install();
	}

	@AfterAll
	static void stop() throws Exception {
		ProxySelector.setDefault(previousProxySelector);
		long passed = ALL.stream().filter(CheckResult::ok).count();
		System.out.println("conformance: overall " + passed + "/" + ALL.size());
		if (simulator != null) {
			System.out.println("conformance: the simulator saw " + simulator.journal().entries().size()
					+ " requests, all on " + simulator.baseUrl());
			simulator.close();
		}
	}

	@Test
	@org.junit.jupiter.api.Order(1)
	void herokuJar() {
		List<CheckResult> results = new ArrayList<>(HerokuJarScript.run(API_KEY));
		results.addAll(JVM_GUARD.takeRefused(HerokuJarScript.CLIENT));
		judge(HerokuJarScript.CLIENT, results);
	}

	@Test
	@org.junit.jupiter.api.Order(2)
	void nodeHerokuClient() throws Exception {
		judge("heroku-client", node.run("heroku-client", "heroku-client-script.js"));
	}

	@Test
	@org.junit.jupiter.api.Order(3)
	void herokuCli() throws Exception {
		judge("heroku-cli", node.run("heroku-cli", "cli-script.js"));
	}

	private static void judge(String client, List<CheckResult> results) {
		ALL.addAll(results);
		List<String> unexpected = new ArrayList<>();
		long passed = results.stream().filter(CheckResult::ok).count();
		System.out.println("conformance: " + client + " " + passed + "/" + results.size());
		for (CheckResult result : results) {
			if (!result.ok() && known.lists(result)) {
				System.out.println("conformance:   known   " + result.key() + ": " + result.reason()
						+ " (listed: " + known.reason(result) + ")");
			}
			else if (!result.ok()) {
				System.out.println("conformance:   FAILED  " + result.key() + ": " + result.reason());
				unexpected.add(result.key() + ": " + result.reason());
			}
			else if (known.lists(result)) {
				System.out.println("conformance:   passes now, remove it from " + known.file().getFileName() + ": "
						+ result.key());
			}
		}
		for (String stale : known.unknown(client, results)) {
			System.out.println("conformance:   listed but not in the script: " + stale);
		}
		assertThat(results).as(client + " ran its script").isNotEmpty();
		assertThat(unexpected).as(client + " failures not in " + known.file()).isEmpty();
	}

}
