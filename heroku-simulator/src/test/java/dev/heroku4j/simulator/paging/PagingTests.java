package dev.heroku4j.simulator.paging;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.heroku4j.simulator.HerokuSimulator;
import dev.heroku4j.simulator.Http;
import dev.heroku4j.simulator.seed.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Heroku's Range / Next-Range paging over 1,250 apps. */
class PagingTests {

	private static final int APPS = 1250;

	private static HerokuSimulator sim;

	private static Http http;

	@BeforeAll
	static void start() {
		Seed many = api -> IntStream.rangeClosed(1, APPS).forEach(i -> api.createApp(String.format("app-%04d", i), null, null));
		sim = HerokuSimulator.builder().seed(many).start();
		http = new Http(sim);
	}

	@AfterAll
	static void stop() {
		sim.close();
	}

	@Test
	void list_withoutRange_returnsDefault200With206AndNextRange() {
		HttpResponse<String> first = http.get("/apps");
		assertThat(first.statusCode()).isEqualTo(206);
		assertThat(Http.json(first)).hasSize(200);
		assertThat(first.headers().firstValue("Next-Range")).isPresent();
	}

	@Test
	void list_followsNextRange_acrossPages_until200() {
		List<String> names = new ArrayList<>();
		String range = "name ..; max=500";
		List<Integer> statuses = new ArrayList<>();
		while (range != null) {
			HttpResponse<String> page = http.with("Range", range).get("/apps");
			statuses.add(page.statusCode());
			Http.json(page).forEach(app -> names.add(app.get("name").asString()));
			range = page.headers().firstValue("Next-Range").orElse(null);
			assertThat(statuses).hasSizeLessThan(10);
		}
		assertThat(statuses).containsExactly(206, 206, 200);
		assertThat(names).hasSize(APPS).doesNotHaveDuplicates().isSorted();
	}

	@Test
	void list_descendingWithExclusiveStart() {
		HttpResponse<String> page = http.with("Range", "name ]app-0010..; max=3, order=desc").get("/apps");
		assertThat(page.statusCode()).isEqualTo(206);
		assertThat(names(Http.json(page))).containsExactly("app-0009", "app-0008", "app-0007");
		assertThat(page.headers().firstValue("Next-Range")).hasValue("name ]app-0007..; max=3, order=desc");

		HttpResponse<String> ascending = http.with("Range", "name ]app-1248..; max=10").get("/apps");
		assertThat(ascending.statusCode()).isEqualTo(200);
		assertThat(names(Http.json(ascending))).containsExactly("app-1249", "app-1250");
		assertThat(ascending.headers().firstValue("Next-Range")).isEmpty();
	}

	@Test
	void list_maxAbove1000_isClampedTo1000() {
		HttpResponse<String> page = http.with("Range", "id ..; max=5000").get("/apps");
		assertThat(page.statusCode()).isEqualTo(206);
		assertThat(Http.json(page)).hasSize(1000);
		assertThat(page.headers().firstValue("Next-Range")).hasValueSatisfying(v -> assertThat(v).contains("max=1000"));
	}

	@Test
	void list_withIdRangeWithoutMax_usesDefaultPageSize() {
		HttpResponse<String> page = http.with("Range", "id ..").get("/apps");
		assertThat(Http.json(page)).hasSize(200);
	}

	@Test
	void list_withBadRange_is416() {
		for (String bad : List.of("garbage", "name ..; max=0", "name ..; order=sideways", "stack ..")) {
			HttpResponse<String> response = http.with("Range", bad).get("/apps");
			assertThat(response.statusCode()).as(bad).isEqualTo(416);
			assertThat(Http.json(response).get("id").asString()).isEqualTo("requested_range_not_satisfiable");
		}
	}

	private static List<String> names(JsonNode list) {
		List<String> names = new ArrayList<>();
		list.forEach(app -> names.add(app.get("name").asString()));
		return names;
	}


	@Test
	void range_withATrailingSemicolonOrEmptyOptions_isAccepted_asHerokuDoes() {
		assertThat(http.with("Range", "name ..;").get("/apps").statusCode()).isEqualTo(206);
		HttpResponse<String> page = http.with("Range", "name ..; max=10,").get("/apps");
		assertThat(page.statusCode()).isEqualTo(206);
		assertThat(tools.jackson.databind.json.JsonMapper.builder().build().readTree(page.body()).size()).isEqualTo(10);
	}

	@Test
	void range_asTheHerokuCliSendsIt_isAccepted() {
		// src/lib/api.ts: 'id ..; max=1000;'  config/set.ts: 'version ..; order=desc,max=1'  apps/create.ts: ''
		assertThat(Http.json(http.with("Range", "id ..; max=1000;").get("/apps"))).hasSize(1000);
		assertThat(Http.json(http.with("Range", "name ..; order=desc,max=1").get("/apps")).get(0).get("name").asString())
			.isEqualTo("app-1250");
		assertThat(http.with("Range", "").get("/apps").statusCode()).isEqualTo(206);
		assertThat(Http.json(http.with("Range", "  name ..  ;  max = 5 ; order = desc ;").get("/apps"))).hasSize(5);
		assertThat(Http.json(http.with("Range", "name..; max=2").get("/apps"))).hasSize(2);
	}

	@Test
	void range_withAMaxOfManyDigits_isCappedAt1000_notRefused() {
		HttpResponse<String> page = http.with("Range", "id ..; max=99999999999999999999").get("/apps");
		assertThat(page.statusCode()).isEqualTo(206);
		assertThat(Http.json(page)).hasSize(1000);
	}

}
