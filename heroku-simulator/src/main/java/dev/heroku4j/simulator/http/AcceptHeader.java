package dev.heroku4j.simulator.http;

import java.util.Locale;

import dev.heroku4j.simulator.schema.SchemaVariant;

/** Reads the {@code version} parameter of Heroku's media type out of an {@code Accept} header. */
final class AcceptHeader {

	private AcceptHeader() {
	}

	/**
	 * The version of the first {@code application/vnd.heroku+json} range that has one ({@code 3}, {@code 3.sdk},
	 * {@code 3.filters}, ...), lower case and unquoted; null when there is none.
	 */
	static String version(String accept) {
		if (accept == null) {
			return null;
		}
		for (String range : accept.split(",")) {
			String[] parts = range.split(";");
			if (!parts[0].trim().equalsIgnoreCase(SchemaVariant.MEDIA_TYPE)) {
				continue;
			}
			for (int i = 1; i < parts.length; i++) {
				String[] parameter = parts[i].split("=", 2);
				if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("version")) {
					String version = parameter[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
					if (!version.isEmpty()) {
						return version;
					}
				}
			}
		}
		return null;
	}

}
