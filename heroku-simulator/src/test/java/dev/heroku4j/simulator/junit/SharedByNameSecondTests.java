package dev.heroku4j.simulator.junit;

import org.junit.jupiter.api.extension.RegisterExtension;

class SharedByNameSecondTests extends SharedByNameBase {

	@RegisterExtension
	static HerokuSimulatorExtension heroku = HerokuSimulatorExtension.shared("shared-by-name", b -> b.seed("demo"))
		.resetBeforeEachClass();

	@Override
	HerokuSimulatorExtension extension() {
		return heroku;
	}

}
