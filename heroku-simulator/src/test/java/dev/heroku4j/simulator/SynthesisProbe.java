package dev.heroku4j.simulator;

import java.util.List;

import dev.heroku4j.simulator.schema.Link;
import dev.heroku4j.simulator.schema.OperationIndex;
import dev.heroku4j.simulator.synth.ResponseSynthesizer;
import dev.heroku4j.simulator.validation.SchemaValidator;
import org.junit.jupiter.api.Test;

class SynthesisProbe {

	@Test
	void probe() {
		OperationIndex index = OperationIndex.load();
		SchemaValidator validator = new SchemaValidator(index);
		int bad = 0;
		for (Link link : index.links()) {
			var body = new ResponseSynthesizer(index.schema(link.variant())).forLink(link);
			List<String> messages = validator.validateResponse(link, body);
			if (!messages.isEmpty()) {
				bad++;
				System.out.println("BAD " + link + " " + messages);
			}
		}
		System.out.println("BADCOUNT " + bad);
	}

}
