package dev.heroku4j.simulator.schema;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The data behind named variants: every entry complete, and a broken one named where it is. */
class VariantCatalogTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void packagedCatalog_hasAReasonAndASourceForEveryEntry() {
		VariantCatalog catalog = VariantCatalog.load();
		assertThat(catalog.variants()).allSatisfy(v -> {
			assertThat(v.reason()).isNotBlank();
			assertThat(v.usedBy()).isNotEmpty();
		});
		assertThat(catalog.links()).allSatisfy(l -> assertThat(l.reason()).isNotBlank());
		assertThat(catalog.version("3.Filters")).hasValue(new ApiVersion("3.filters", SchemaVariant.V3));
		assertThat(catalog.version("3.dogwood")).hasValue(new ApiVersion("3.dogwood", SchemaVariant.V3_SDK));
		assertThat(catalog.version("3")).hasValue(ApiVersion.of(SchemaVariant.V3));
		assertThat(catalog.version("3.unknown")).isEmpty();
		assertThat(catalog.answer("POST /filters/apps")).isPresent();
	}

	@Test
	void dataLinks_areNotCountedAsTheSnapshotsOwn_butAreRouted() {
		OperationIndex index = OperationIndex.load();
		assertThat(index.links()).hasSize(643);
		assertThat(index.operations()).hasSize(340);
		assertThat(index.dataLinks()).hasSize(VariantCatalog.load().links().size());
		assertThat(index.match("GET", "/pipelines/01234567-89ab-cdef-0123-456789abcdef/repo")).get()
			.satisfies(m -> assertThat(m.operation().isDataOnly()).isTrue())
			.satisfies(m -> assertThat(m.operation().namedVersions()).containsExactly("3.repositories-api"));
	}

	@Test
	void brokenEntries_areRefused_namingTheEntry() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new VariantCatalog(MAPPER.readTree("{\"variants\": [{\"version\": \"3.x\", \"schema\": \"4\", \"reason\": \"r\"}]}"), "test"))
			.withMessageContaining("test variants[0]").withMessageContaining("schema");
		assertThatIllegalStateException()
			.isThrownBy(() -> new VariantCatalog(MAPPER.readTree("{\"links\": [{\"variants\": [\"3.nope\"], \"definition\": \"d\", \"reason\": \"r\", \"link\": {}}]}"), "test"))
			.withMessageContaining("test links[0]").withMessageContaining("3.nope");
		assertThatIllegalStateException()
			.isThrownBy(() -> new VariantCatalog(MAPPER.readTree("{\"variants\": [{\"version\": \"3.x\", \"schema\": \"3\", \"reason\": \"r\"}],"
					+ " \"links\": [{\"variants\": [\"3.x\"], \"definition\": \"d\", \"reason\": \"r\", \"link\": {\"method\": \"GET\", \"href\": \"/x\"}}]}"), "test"))
			.withMessageContaining("targetSchema");
		assertThatIllegalStateException()
			.isThrownBy(() -> new VariantCatalog(MAPPER.readTree("{\"variants\": [{\"version\": \"3.x\", \"schema\": \"3\"}]}"), "test"))
			.withMessageContaining("\"reason\"");
	}

}
