package dev.heroku4j.simulator.junit;

class SharedSimulatorFirstTests extends SharedSimulatorBase {
}
