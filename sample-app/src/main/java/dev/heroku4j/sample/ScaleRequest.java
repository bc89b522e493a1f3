package dev.heroku4j.sample;

import java.math.BigInteger;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /apps/{name}/scale}: {@code {"type": "web", "quantity": 2}}.
 *
 * <p>{@code quantity} arrives as the JSON node it is: bound to an {@code Integer}, Jackson would turn {@code 1.5} into
 * 1 and the string {@code "3"} into 3 without a word. Only a JSON integer is a quantity; its range is checked by
 * {@link HerokuService#scale}.
 */
public record ScaleRequest(@Nullable String type, @Nullable JsonNode quantity) {

    /**
     * The quantity as a whole number, {@code null} when it is missing or {@code null}.
     * @throws IllegalArgumentException when it is a string, a fraction or anything but a JSON integer
     */
    @Nullable Long wholeQuantity() {
        if (quantity == null || quantity.isNull() || quantity.isMissingNode()) {
            return null;
        }
        if (!quantity.isNumber()) {
            throw new IllegalArgumentException("'quantity' must be a JSON number such as 2, not " + describe(quantity));
        }
        if (!quantity.isIntegralNumber()) {
            throw new IllegalArgumentException("'quantity' must be a whole number such as 2, not " + quantity);
        }
        BigInteger value = quantity.bigIntegerValue();
        if (value.bitLength() > 63) {
            throw HerokuService.quantityOutOfRange(value);
        }
        return value.longValue();
    }

    private static String describe(JsonNode node) {
        return node.isString() ? "the string " + node : node.getNodeType().name().toLowerCase() + " " + node;
    }

}
