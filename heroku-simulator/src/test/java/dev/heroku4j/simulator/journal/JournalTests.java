package dev.heroku4j.simulator.journal;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JournalTests {

	@Test
	void journal_keepsOnlyTheLatestEntries() {
		Journal journal = new Journal(3);
		for (int i = 1; i <= 5; i++) {
			journal.record(entry(i));
		}
		assertThat(journal.entries()).extracting(JournalEntry::sequence).containsExactly(3L, 4L, 5L);
		assertThat(journal.last().sequence()).isEqualTo(5L);
	}

	@Test
	void journalOverHttp_neverServesTheCallersKey() {
		try (HerokuSimulator simulator = HerokuSimulator.builder().start()) {
			Http http = new Http(simulator.baseUrl());
			assertThat(http.with("Authorization", "Bearer the-secret-key").get("/apps").statusCode()).isEqualTo(200);
			assertThat(simulator.journal().last().header("authorization")).isEqualTo("Bearer the-secret-key"); // in-process

			HttpResponse<String> served = Http.admin(simulator).get("/__simulator/journal");
			assertThat(served.statusCode()).isEqualTo(200);
			assertThat(served.body()).contains("/apps").doesNotContain("the-secret-key").contains("<redacted>");
		}
	}

	@Test
	void journalOverHttp_redactsEveryCredentialHeader_andIsBoundedAsConfigured() {
		try (HerokuSimulator simulator = HerokuSimulator.builder().journalCapacity(3).start()) {
			Http http = new Http(simulator.baseUrl()).with("Cookie", "session=cookie-secret")
				.with("Heroku-Two-Factor-Code", "123456");
			for (int i = 0; i < 5; i++) {
				http.get("/apps");
			}
			assertThat(simulator.journal().entries()).hasSize(3);
			HttpResponse<String> served = Http.admin(simulator).get("/__simulator/journal");
			assertThat(served.body()).doesNotContain("cookie-secret").doesNotContain("123456").doesNotContain("test-token");
			assertThat(Http.json(served)).hasSize(3);
		}
	}

	@Test
	void invalid_countsOnlyWhatTheSchemaRefuses_notACorrectRequestAnswered404() {
		try (HerokuSimulator simulator = HerokuSimulator.builder().start()) {
			Http http = new Http(simulator.baseUrl());
			assertThat(http.get("/apps/no-such-app").statusCode()).isEqualTo(404);          // valid request, no such app
			assertThat(simulator.journal().invalid()).isEmpty();
			assertThat(http.send("POST", "/apps", "{\"name\": \"Not Valid!\"}").statusCode()).isEqualTo(422); // the schema refuses
			assertThat(simulator.journal().invalid()).hasSize(1);
		}
	}

	private static JournalEntry entry(long sequence) {
		return new JournalEntry(sequence, Instant.now(), "GET", "/apps", null, Map.of(), null, "app list", List.of(),
				"3", 200, true, List.of(), null, List.of());
	}
}
