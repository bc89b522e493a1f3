package dev.heroku4j.simulator.state;

import tools.jackson.databind.JsonNode;

/**
 * What an operation answered, before paging and serialisation.
 *
 * @param status HTTP status
 * @param body the JSON body, or {@code null} for none
 */
public record ApiResult(int status, JsonNode body) {
}
