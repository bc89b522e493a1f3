package dev.heroku4j.simulator.schema;

import java.util.Map;

import dev.heroku4j.simulator.validation.SchemaValidator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class OperationIndexTests {

	private static final OperationIndex INDEX = OperationIndex.load();

	@Test
	void load_countsLinksAndDistinctOperations() {
		assertThat(INDEX.schema(SchemaVariant.V3).links()).hasSize(305);
		assertThat(INDEX.schema(SchemaVariant.V3_SDK).links()).hasSize(338);
		assertThat(INDEX.links()).hasSize(643);
		assertThat(INDEX.operations()).hasSize(340);
		assertThat(INDEX.operations().stream().filter(op -> !op.variants().contains(SchemaVariant.V3))).hasSize(39);
		assertThat(INDEX.operations().stream().filter(op -> !op.variants().contains(SchemaVariant.V3_SDK))).hasSize(6);
	}

	@Test
	void load_replacesUnresolvedRefsWithStrings() {
		assertThat(INDEX.schema(SchemaVariant.V3).unresolvedRefs()).contains("#/definitions/dyno_size/definitions/name");
	}

	@Test
	void match_prefersLiteralSegments() {
		assertThat(INDEX.match("GET", "/users/~/pipeline-couplings")).get()
			.satisfies(m -> assertThat(m.operation().href()).isEqualTo("/users/~/pipeline-couplings"));
		assertThat(INDEX.match("GET", "/apps/my-app/config-vars")).get()
			.satisfies(m -> assertThat(m.bindings()).singleElement()
				.satisfies(b -> assertThat(b.value()).isEqualTo("my-app")));
		assertThat(INDEX.match("GET", "/nothing-here")).isEmpty();
	}

	@Test
	void validate_appCreateBody() {
		SchemaValidator validator = new SchemaValidator(INDEX);
		Link create = INDEX.operation("POST", "/apps").orElseThrow().links(SchemaVariant.V3).get(0);
		JsonMapper mapper = JsonMapper.builder().build();
		assertThat(validator.validateRequest(create, mapper.valueToTree(Map.of("name", "my-app")))).isEmpty();
		assertThat(validator.validateRequest(create, mapper.valueToTree(Map.of("name", "Bad Name!"))))
			.anySatisfy(m -> assertThat(m).contains("name"));
	}

}
