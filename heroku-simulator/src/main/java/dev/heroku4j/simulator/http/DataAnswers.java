package dev.heroku4j.simulator.http;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import dev.heroku4j.simulator.schema.VariantCatalog;
import dev.heroku4j.simulator.state.ApiCall;
import dev.heroku4j.simulator.state.ApiResult;
import dev.heroku4j.simulator.state.ResourceStore;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Answers from stored resources for operations the state layer does not keep, as the {@link VariantCatalog}'s
 * {@code answers} describe them (e.g. {@code POST /filters/apps}: the stored apps whose id the body lists). Read-only.
 */
final class DataAnswers {

	private final VariantCatalog catalog;

	private final ResourceStore store;

	DataAnswers(VariantCatalog catalog, ResourceStore store) {
		this.catalog = catalog;
		this.store = store;
	}

	Optional<ApiResult> answer(String operation, ApiCall call) {
		return this.catalog.answer(operation).map(answer -> {
			Set<String> wanted = new HashSet<>();
			call.body().at(answer.in()).forEach(value -> wanted.add(value.asString()));
			ArrayNode items = JsonNodeFactory.instance.arrayNode();
			this.store.list(answer.select(), item -> wanted.contains(item.path(answer.field()).asString()))
				.forEach(item -> items.add(item.deepCopy()));
			return new ApiResult(200, items);
		});
	}

}
